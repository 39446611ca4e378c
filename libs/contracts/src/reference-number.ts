/**
 * Reference numbers: `<PREFIX>-<YYYY>-<NNNNNN>-<C>`, e.g. `KM-2026-004217-3`.
 * C is a Damm check digit over the digits YYYYNNNNNN. Damm catches every single-digit error and
 * every swap of two neighbouring digits (the two mistakes people make reading a number over the
 * phone) without the exceptions Luhn has, and needs no letters like ISO 7064 mod 11.
 */

// The order-10 weakly totally anti-symmetric quasigroup from Damm's thesis (2004).
const DAMM_TABLE: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/** The Damm check digit of a string of decimal digits. */
export function dammCheckDigit(digits: string): number {
  let interim = 0;
  for (const ch of digits) {
    const d = ch.charCodeAt(0) - 48;
    if (d < 0 || d > 9) throw new RangeError(`not a decimal digit: ${JSON.stringify(ch)}`);
    interim = DAMM_TABLE[interim][d];
  }
  return interim;
}

/** True when the digits, check digit included as the last one, pass the Damm check. */
export function dammValid(digitsWithCheck: string): boolean {
  return /^\d+$/.test(digitsWithCheck) && dammCheckDigit(digitsWithCheck) === 0;
}

export interface ReferenceNumber {
  prefix: string;
  year: number;
  serial: number;
  checkDigit: number;
  /** Canonical text form. */
  text: string;
}

export const REFERENCE_PREFIX_PATTERN = /^[A-Z]{2,8}$/;
export const SERIAL_WIDTH = 6;
/**
 * The serial is six digits; a year with more than 999,999 cases widens it rather than wrapping,
 * so numbers never repeat. The check digit then covers every digit.
 */
const REFERENCE_PATTERN = /^([A-Z]{2,8})-(\d{4})-(\d{6,9})-(\d)$/;

export function formatReference(prefix: string, year: number, serial: number): string {
  if (!REFERENCE_PREFIX_PATTERN.test(prefix)) {
    throw new RangeError(
      `reference prefix must be 2-8 capital letters A-Z, got ${JSON.stringify(prefix)}`,
    );
  }
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw new RangeError(`bad year ${year}`);
  if (!Number.isSafeInteger(serial) || serial < 0 || serial > 999_999_999) {
    throw new RangeError(`bad serial ${serial}`);
  }
  const serialText = String(serial).padStart(SERIAL_WIDTH, '0');
  const check = dammCheckDigit(`${year}${serialText}`);
  return `${prefix}-${year}-${serialText}-${check}`;
}

export type ReferenceParseResult =
  { ok: true; value: ReferenceNumber } | { ok: false; error: 'malformed' | 'bad_check_digit' };

/** Parses what a person typed: surrounding blanks and lower case are forgiven, nothing else. */
export function parseReference(input: string): ReferenceParseResult {
  const match = REFERENCE_PATTERN.exec(input.trim().toUpperCase());
  if (!match) return { ok: false, error: 'malformed' };
  const [, prefix, yearText, serialText, checkText] = match;
  if (serialText.length > SERIAL_WIDTH && serialText.startsWith('0')) {
    // A widened serial never has a leading zero; `KM-2026-0004217-3` is a typo, not a number.
    return { ok: false, error: 'malformed' };
  }
  if (!dammValid(`${yearText}${serialText}${checkText}`))
    return { ok: false, error: 'bad_check_digit' };
  const value: ReferenceNumber = {
    prefix,
    year: Number(yearText),
    serial: Number(serialText),
    checkDigit: Number(checkText),
    text: `${prefix}-${yearText}-${serialText}-${checkText}`,
  };
  return { ok: true, value };
}

/**
 * Reference numbers quoted in free text, as customers write them: any case, dashes, blanks or dots
 * between the groups, or none ("km 2026 004217 3", "KM2026-004217-3"). Only numbers whose check
 * digit is right are returned, canonical and without repeats.
 */
export function findReferences(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(
    /(?<![A-Za-z0-9])([A-Za-z]{2,8})[-\s.]?(\d{4})[-\s.]?(\d{6,9})[-\s.]?(\d)(?![0-9])/g,
  )) {
    const parsed = parseReference(`${match[1]}-${match[2]}-${match[3]}-${match[4]}`);
    if (parsed.ok) found.add(parsed.value.text);
  }
  return [...found];
}
