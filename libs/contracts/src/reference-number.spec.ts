import {
  dammCheckDigit,
  dammValid,
  findReferences,
  formatReference,
  parseReference,
} from './reference-number';

/** The digits of a reference in reading order (year, serial, check), and how to put them back. */
function digitsOf(reference: string): {
  prefix: string;
  digits: string;
  rebuild: (d: string) => string;
} {
  const [prefix, year, serial, check] = reference.split('-');
  return {
    prefix,
    digits: `${year}${serial}${check}`,
    rebuild: (d) => `${prefix}-${d.slice(0, 4)}-${d.slice(4, 4 + serial.length)}-${d.slice(-1)}`,
  };
}

function sampleReferences(): string[] {
  const refs = new Set<string>();
  // Edges of the serial range and of the years, then a deterministic pseudo-random spread.
  for (const year of [2024, 2025, 2026, 2030, 2099]) {
    for (const serial of [0, 1, 9, 10, 99, 4217, 99_999, 100_000, 999_998, 999_999]) {
      refs.add(formatReference('KM', year, serial));
    }
  }
  let seed = 20261122;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  while (refs.size < 5_000)
    refs.add(formatReference('KM', 2000 + (next() % 100), next() % 1_000_000));
  return [...refs];
}

describe('Damm check digit', () => {
  it('matches the published example (572 -> 4)', () => {
    expect(dammCheckDigit('572')).toBe(4);
    expect(dammValid('5724')).toBe(true);
    expect(dammValid('5727')).toBe(false);
  });

  it('rejects non-digits', () => {
    expect(() => dammCheckDigit('12a')).toThrow(RangeError);
    expect(dammValid('')).toBe(false);
  });
});

describe('reference numbers', () => {
  it('formats as PREFIX-YYYY-NNNNNN-C with a Damm digit over YYYYNNNNNN', () => {
    const ref = formatReference('KM', 2026, 4217);
    expect(ref).toMatch(/^KM-2026-004217-\d$/);
    expect(ref.endsWith(`-${dammCheckDigit('2026004217')}`)).toBe(true);
    expect(parseReference(ref)).toEqual({
      ok: true,
      value: {
        prefix: 'KM',
        year: 2026,
        serial: 4217,
        checkDigit: Number(ref.slice(-1)),
        text: ref,
      },
    });
  });

  it('forgives blanks and lower case, nothing else', () => {
    const ref = formatReference('KM', 2026, 4217);
    expect(parseReference(`  ${ref.toLowerCase()} `)).toMatchObject({
      ok: true,
      value: { text: ref },
    });
    for (const bad of [
      '',
      'KM-2026-4217-3',
      'KM2026004217',
      'K-2026-004217-3',
      'KM-26-004217-3',
      'KM_2026_004217_3',
      `${ref}0`,
    ]) {
      expect(parseReference(bad)).toEqual({ ok: false, error: 'malformed' });
    }
  });

  it('widens the serial past 999,999 instead of wrapping', () => {
    const ref = formatReference('KM', 2026, 1_000_000);
    expect(ref).toMatch(/^KM-2026-1000000-\d$/);
    expect(parseReference(ref).ok).toBe(true);
    expect(parseReference(ref.replace('-1000000-', '-01000000-'))).toEqual({
      ok: false,
      error: 'malformed',
    });
  });

  it('refuses prefixes that are not 2-8 capital letters', () => {
    expect(() => formatReference('km', 2026, 1)).toThrow(RangeError);
    expect(() => formatReference('K1', 2026, 1)).toThrow(RangeError);
  });

  const refs = sampleReferences();

  it(`rejects every single-digit error of ${refs.length} valid numbers`, () => {
    let checked = 0;
    const missed: string[] = [];
    for (const ref of refs) {
      const { digits, rebuild } = digitsOf(ref);
      for (let i = 0; i < digits.length; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === digits[i]) continue;
          const typo = rebuild(digits.slice(0, i) + d + digits.slice(i + 1));
          const parsed = parseReference(typo);
          if (parsed.ok || parsed.error !== 'bad_check_digit') missed.push(`${ref} -> ${typo}`);
          checked++;
        }
      }
    }
    expect(missed).toEqual([]);
    expect(checked).toBe(refs.length * 11 * 9);
  });

  it(`rejects every swap of neighbouring digits of ${refs.length} valid numbers, across the dashes too`, () => {
    let checked = 0;
    const missed: string[] = [];
    for (const ref of refs) {
      const { digits, rebuild } = digitsOf(ref);
      for (let i = 0; i + 1 < digits.length; i++) {
        if (digits[i] === digits[i + 1]) continue; // swapping equal digits changes nothing
        const swapped = rebuild(
          digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2),
        );
        const parsed = parseReference(swapped);
        if (parsed.ok || parsed.error !== 'bad_check_digit') missed.push(`${ref} -> ${swapped}`);
        checked++;
      }
    }
    expect(missed).toEqual([]);
    expect(checked).toBeGreaterThan(refs.length * 5);
  });
});

describe('findReferences', () => {
  const ref = formatReference('KM', 2026, 4217);
  const spaced = ref.replace(/-/g, ' ').toLowerCase();

  it('finds numbers written the ways customers write them', () => {
    expect(findReferences(`Merhaba, ${ref} numaralı başvurum hâlâ açık.`)).toEqual([ref]);
    expect(findReferences(`başvuru no: ${spaced}`)).toEqual([ref]);
    expect(findReferences(`Re: [${ref}] İade talebiniz`)).toEqual([ref]);
    expect(findReferences(`${ref} ve yine ${ref}`)).toEqual([ref]);
  });

  it('ignores numbers with a wrong check digit and look-alikes inside longer tokens', () => {
    const wrong = ref.slice(0, -1) + ((Number(ref.slice(-1)) + 1) % 10);
    expect(findReferences(`numaram ${wrong}`)).toEqual([]);
    expect(findReferences(`XKM-2026-004217-${ref.slice(-1)}5`)).toEqual([]);
  });
});
