import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, parseStoresFile, type FileProblem } from './parse-stores-file';

const SEED = join(__dirname, '..', '..', '..', '..', '..', 'deploy', 'seed', 'stores.json');

const region = (code: string, email = `${code.toLowerCase()}@ornekmagaza.com.tr`) => ({
  code,
  name: `Bölge ${code}`,
  manager: { name: 'Ayşe Yılmaz', email, phone: '+90 532 000 00 01' },
});
const store = (code: string, regionCode: string) => ({
  code,
  name: `Mağaza ${code}`,
  aliases: [],
  city: 'İstanbul',
  district: 'Kadıköy',
  regionCode,
});

/** Pretty-printed like a hand-written file, so every field has a line of its own. */
const fileText = (content: unknown) => JSON.stringify(content, null, 2);

/** 1-based line of the n-th line containing `marker`. */
function lineOf(text: string, marker: string, nth = 1): number {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].includes(marker) && ++seen === nth) return i + 1;
  }
  throw new Error(`marker ${marker} not found`);
}

function problemsOf(text: string, options = {}): FileProblem[] {
  const result = parseStoresFile(text, options);
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.problems;
}

describe('parseStoresFile', () => {
  it('accepts a valid file and normalizes contacts, e-mails and phones', () => {
    const text = fileText({
      regions: [
        {
          ...region('MAR', 'Elif.Yildirim@OrnekMagaza.com.tr'),
          contacts: ['Marmara@OrnekMagaza.com.tr', '0216 000 10 00'],
        },
      ],
      stores: [{ ...store('IST-KDK-01', 'MAR'), contacts: ['tel:+90 216 000 11 01'] }],
    });
    const result = parseStoresFile(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file.regions[0].manager).toEqual({
      name: 'Ayşe Yılmaz',
      email: 'elif.yildirim@ornekmagaza.com.tr',
      phone: '+905320000001',
    });
    expect(result.file.regions[0].contacts).toEqual([
      'marmara@ornekmagaza.com.tr',
      '+902160001000',
    ]);
    expect(result.file.stores[0].contacts).toEqual(['+902160001101']);
  });

  it('reports a JSON syntax error with its line', () => {
    const text = [
      '{',
      '  "regions": [',
      '    { "code": "MAR" }',
      '    { "code": "EGE" }',
      '  ]',
      '}',
    ].join('\n');
    const [problem] = problemsOf(text);
    expect(problem).toMatchObject({ line: 4, path: '' });
    expect(formatProblem(problem)).toMatch(/^line 4: JSON syntax error: expected ","/);
  });

  it('refuses comments, trailing commas and an empty file', () => {
    expect(problemsOf('{\n  // note\n  "regions": [], "stores": []\n}')[0]).toMatchObject({
      line: 2,
    });
    expect(problemsOf('{\n  "regions": [],\n  "stores": [],\n}')[0]).toMatchObject({ line: 4 });
    expect(problemsOf('')[0].line).toBe(1);
  });

  it('reports a missing field at the line of the object that lacks it', () => {
    const withoutCity: Record<string, unknown> = store('IST-KDK-02', 'MAR');
    delete withoutCity.city;
    const text = fileText({
      regions: [region('MAR')],
      stores: [store('IST-KDK-01', 'MAR'), withoutCity],
    });
    const problems = problemsOf(text);
    expect(problems).toEqual([
      {
        line: lineOf(text, '"code": "IST-KDK-02"') - 1,
        path: 'stores[1].city',
        message: 'is required',
      },
    ]);
  });

  it('reports wrong types, bad codes and unknown fields where they are', () => {
    const text = fileText({
      regions: [{ ...region('mar'), managr: 'x' }],
      stores: [{ ...store('IST-KDK-01', 'MAR'), aliases: 'Kadıköy' }],
    });
    const problems = problemsOf(text).map(formatProblem);
    expect(problems).toEqual([
      `line ${lineOf(text, '"code": "mar"')}: regions[0].code: must be capital letters A-Z and digits, parts joined by "-" or "_"`,
      `line ${lineOf(text, '"managr"')}: regions[0].managr: is not a known field`,
      `line ${lineOf(text, '"aliases"')}: stores[0].aliases: must be an array`,
    ]);
  });

  it('reports a duplicate store code at its second occurrence', () => {
    const text = fileText({
      regions: [region('MAR')],
      stores: [store('IST-KDK-01', 'MAR'), store('IST-KDK-02', 'MAR'), store('IST-KDK-01', 'MAR')],
    });
    const first = lineOf(text, '"code": "IST-KDK-01"');
    const second = lineOf(text, '"code": "IST-KDK-01"', 2);
    expect(problemsOf(text).map(formatProblem)).toEqual([
      `line ${second}: stores[2].code: duplicate store code "IST-KDK-01" (first at line ${first})`,
    ]);
  });

  it('reports a store whose region is neither in the file nor active in the database', () => {
    const text = fileText({
      regions: [region('MAR')],
      stores: [store('IST-KDK-01', 'MAR'), store('KRS-MRK-01', 'KAR')],
    });
    expect(problemsOf(text).map(formatProblem)).toEqual([
      `line ${lineOf(text, '"regionCode": "KAR"')}: stores[1].regionCode: unknown region "KAR"`,
    ]);
    expect(problemsOf(text, { activeRegionCodes: new Set(['EGE']) })).toHaveLength(1);
    expect(parseStoresFile(text, { activeRegionCodes: new Set(['KAR']) }).ok).toBe(true);
  });

  it('lists every problem at once: schema problems and cross-checks together', () => {
    const withoutCity: Record<string, unknown> = store('IST-KDK-03', 'MAR');
    delete withoutCity.city;
    const text = fileText({
      regions: [region('MAR')],
      stores: [store('IST-KDK-01', 'KAR'), withoutCity, store('IST-KDK-01', 'MAR')],
    });
    expect(problemsOf(text).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'stores[0].regionCode: unknown region "KAR"',
      'stores[1].city: is required',
      expect.stringMatching(/^stores\[2\]\.code: duplicate store code "IST-KDK-01"/),
    ]);
  });

  it('reports duplicate region codes, conflicting managers and shared contacts', () => {
    const conflicting = {
      ...region('EGE', 'mar@ornekmagaza.com.tr'),
      manager: { name: 'Başka Biri', email: 'MAR@ornekmagaza.com.tr', phone: '0532 000 00 02' },
    };
    const text = fileText({
      regions: [
        { ...region('MAR'), contacts: ['bolge@ornekmagaza.com.tr'] },
        conflicting,
        region('MAR'),
      ],
      stores: [{ ...store('IST-KDK-01', 'MAR'), contacts: ['Bolge@OrnekMagaza.com.tr'] }],
    });
    const problems = problemsOf(text);
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      `regions[1].manager.name: the same manager e-mail is given with a different name at line ${lineOf(text, '"email": "mar@')}`,
      `regions[1].manager.phone: the same manager e-mail is given with a different phone at line ${lineOf(text, '"email": "mar@')}`,
      `regions[2].code: duplicate region code "MAR" (first at line ${lineOf(text, '"code": "MAR"')})`,
      `stores[0].contacts[0]: the same contact is already given at line ${lineOf(text, '"bolge@')}`,
    ]);
    // The file carries personal data: problems never repeat a name, an address or a number.
    for (const p of problems) expect(p.message).not.toMatch(/Başka|@|\+90|0532/);
  });

  it('rejects malformed e-mail addresses, phones and contacts without repeating them', () => {
    const text = fileText({
      regions: [
        {
          ...region('MAR'),
          manager: { name: 'Ayşe Yılmaz', email: 'ayse.yilmaz@', phone: '12' },
          contacts: ['kadikoy şubesi'],
        },
      ],
      stores: [],
    });
    expect(problemsOf(text).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'regions[0].manager.email: is not a valid e-mail address',
      'regions[0].manager.phone: is not a valid phone number (write it as +90 5xx xxx xx xx or 0 2xx xxx xx xx)',
      'regions[0].contacts[0]: is neither an e-mail address nor a valid phone number',
    ]);
  });

  it('parses the seed file', () => {
    const result = parseStoresFile(readFileSync(SEED, 'utf8'));
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.file.regions.map((r) => r.code).sort()).toEqual([
      'AKD',
      'DGA',
      'EGE',
      'GDA',
      'ICA',
      'KRD',
      'MAR',
    ]);
    expect(result.file.stores.length).toBeGreaterThanOrEqual(45);
    const regions = new Set(result.file.stores.map((s) => s.regionCode));
    expect(regions.size).toBe(7);
    for (const s of result.file.stores) expect(s.aliases.length).toBeGreaterThanOrEqual(2);
  });

  it('reports a field given twice in one object', () => {
    const text = fileText({
      regions: [region('MAR')],
      stores: [store('IST-KDK-01', 'MAR')],
    }).replace('"city": "İstanbul",', '"city": "İstanbul",\n      "city": "Ankara",');
    expect(problemsOf(text).map(formatProblem)).toEqual([
      `line ${lineOf(text, '"city": "Ankara"')}: stores[0].city: is given twice in the same object`,
    ]);
  });

  it('ignores a byte order mark', () => {
    expect(parseStoresFile('\uFEFF{"regions": [], "stores": []}').ok).toBe(true);
  });
});
