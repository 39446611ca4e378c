import { foldForMatching } from '../text/turkish-text';

/**
 * Cross-channel near-duplicate detection (DESIGN.md, core step 4): is a new message the same
 * complaint as one the same customer sent earlier? The caller handles the window and the
 * same-customer check; this class compares only the text.
 *
 * Method: MinHash over the character 4-grams of the folded text (foldForMatching: Turkish case
 * rules, ı/i, diacritics, punctuation). Character shingles survive typos, ascii-only keyboards and
 * Turkish suffixes ("siparişim" / "siparişimin") that break word shingles. The decision uses the
 * estimated overlap |A∩B| / min(|A|,|B|) rather than Jaccard, because the WhatsApp-short version of
 * a long e-mail is mostly contained in it but shares only a third of its shingles. Long numbers
 * (order, tracking, invoice, IMEI) veto a match when each text has one the other lacks: "order
 * 4812273 is late" and "order 4812291 is late" are two complaints. The labelled set in
 * fixtures/labelled-pairs.ts and the spec beside this file measure all of these choices.
 *
 * Everything a comparison needs is packed into one integer array (the fingerprint, stored in
 * messages.text_signature integer[]):
 *   [0]       format word: magic, FORMAT_VERSION, shingle size, permutations
 *   [1]       number of distinct shingles (to turn Jaccard into overlap)
 *   [2]       number of folded words (the short-text rule)
 *   [3, 3+k)  the MinHash signature, k = permutations (absent for an empty text)
 *   [3+k, …)  hashes of the long numbers in the text, ascending, at most MAX_NUMBERS
 */

export interface NearDuplicateOptions {
  /** Hash functions in the MinHash signature: its length, and the precision of every estimate. */
  permutations?: number;
  /** Characters per shingle. */
  shingleSize?: number;
  /** Minimum estimated overlap (see NearDuplicateComparison.similarity) for a near duplicate. */
  threshold?: number;
  /** Texts with fewer words than this are near duplicates only of the identical text. */
  minTokens?: number;
}

/** A new message's text, or a fingerprint stored earlier. */
export type TextOrFingerprint = string | readonly number[];

export type ComparisonReason =
  /** Overlap at or above the threshold. */
  | 'similar'
  /** A short text, identical after folding. */
  | 'identical'
  /** Overlap below the threshold. */
  | 'dissimilar'
  /** Each text names a long number (an order, a parcel) the other does not. */
  | 'numbers_differ'
  /** A short text that is not identical: too few words to call it the same complaint. */
  | 'too_short'
  /** One text is more than five times the other: containment would say nothing. */
  | 'lengths_differ'
  /** Nothing to compare: no letters or digits in at least one text. */
  | 'empty'
  /** A fingerprint from another format or configuration, or not a fingerprint at all. */
  | 'incompatible';

export interface NearDuplicateComparison {
  duplicate: boolean;
  /**
   * Estimated overlap |A∩B| / min(|A|,|B|) of the two shingle sets, in [0, 1]: the score
   * `threshold` applies to. 0 when the texts cannot be compared.
   */
  similarity: number;
  /** Estimated Jaccard similarity |A∩B| / |A∪B|, in [0, 1]. */
  jaccard: number;
  reason: ComparisonReason;
}

// Defaults, measured on fixtures/labelled-pairs.ts with the spec's tables, and over 30 seeds to
// see past the luck of one set of hash functions:
// - 4-character shingles: 3-grams score better on the labelled pairs (recall 0.93), but they are so
//   common in Turkish that a 20-word message is on median 36% contained in three unrelated
//   complaints put together (4-grams 15%, 5-grams 8%), which is how false links happen in
//   production; 5-grams lose recall on typos and short versions (0.83 against 0.87).
// - 128 permutations: at 64, precision on the labelled set ranges down to 0.946 with the seed; at
//   256 nothing improves, because what is left is the overlap of the classes, not estimation noise.
// - threshold 0.88: precision at least 0.95 and recall at least 0.80 for every seed tried (means
//   0.98 and 0.87); 0.85 gains two points of recall but drops below 0.95 precision for some seeds.
// - 5 words: below that the overlap of a few shingles says more about phrasing than substance.
const DEFAULT_PERMUTATIONS = 128;
const DEFAULT_SHINGLE_SIZE = 4;
const DEFAULT_THRESHOLD = 0.88;
const DEFAULT_MIN_TOKENS = 5;

/**
 * Bump whenever hashing, the seed, the layout or the number rule changes: old fingerprints then
 * compare as incompatible instead of as garbage.
 */
const FORMAT_VERSION = 1;
const FORMAT_MAGIC = 0x4e;
const HEADER_LENGTH = 3;
/** The permutation coefficients derive from this, so every process computes the same signature. */
const SEED = 0x1a2b3c4d;
/**
 * Digits in a row that make an identifier rather than a quantity: order, tracking, invoice, IMEI
 * and phone numbers. Prices, dates and years are shorter or split by separators; a price of
 * 10000 or more written without one counts, which at worst vetoes a resend that changed it.
 */
const MIN_NUMBER_DIGITS = 5;
/** A message with more long numbers than this is a table or a dump; its numbers veto nothing. */
const MAX_NUMBERS = 16;
/**
 * The shorter text must have at least this fraction of the longer one's shingles. Overlap rewards
 * containment, and a long enough text contains most 4-grams of any short one: a 20-word message is
 * on median 36% (at worst 93%) contained in ten unrelated complaints put together. The short
 * versions in the labelled set are 46% or more of their e-mail.
 */
const MIN_SIZE_RATIO = 0.2;

/**
 * Bound once: under Jest the module runs in a vm context, where every lookup of the global `Math`
 * goes through an interceptor and made the hashing fifty times slower than in production.
 */
const imul = Math.imul;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const DIGIT_0 = 48;
const DIGIT_9 = 57;

/** MurmurHash3's finalizer: a bijection on 32 bits with full avalanche, returned as int4. */
function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** SplitMix32: a tiny seeded generator, so the coefficients never depend on Math.random. */
function seededGenerator(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    return fmix32(state);
  };
}

function hashRange(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return fmix32(h);
}

function isDigit(code: number): boolean {
  return code >= DIGIT_0 && code <= DIGIT_9;
}

/** Hashes of runs of MIN_NUMBER_DIGITS or more digits, ascending, unique, MAX_NUMBERS at most. */
function longNumberHashes(folded: string): number[] {
  const hashes: number[] = [];
  let start = -1;
  for (let i = 0; i <= folded.length; i++) {
    const digit = i < folded.length && isDigit(folded.charCodeAt(i));
    if (digit && start < 0) start = i;
    if (!digit && start >= 0) {
      if (i - start >= MIN_NUMBER_DIGITS) hashes.push(hashRange(folded, start, i));
      start = -1;
    }
  }
  hashes.sort((x, y) => x - y);
  const unique = hashes.filter((h, i) => i === 0 || h !== hashes[i - 1]);
  return unique.slice(0, MAX_NUMBERS);
}

function countWords(folded: string): number {
  if (folded === '') return 0;
  let words = 1;
  for (let i = 0; i < folded.length; i++) if (folded.charCodeAt(i) === 32) words++;
  return words;
}

function sortedIncludes(
  values: readonly number[],
  from: number,
  to: number,
  wanted: number,
): boolean {
  let low = from;
  let high = to - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const value = values[mid];
    if (value === wanted) return true;
    if (value < wanted) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

/** Where the parts of a fingerprint are; see the layout at the top of the file. */
interface Layout {
  shingles: number;
  words: number;
  signatureStart: number;
  numbersStart: number;
  end: number;
}

/** What a comparison needs to know about one side: its fingerprint and where the parts are. */
interface Side {
  fingerprint: readonly number[];
  layout: Layout;
}

export class NearDuplicateDetector {
  readonly permutations: number;
  readonly shingleSize: number;
  readonly threshold: number;
  readonly minTokens: number;
  private readonly format: number;
  private readonly multipliers: Int32Array;
  private readonly increments: Int32Array;
  /** Reused across calls so hashing a message allocates nothing that grows with its length. */
  private shingleBuffer = new Int32Array(1024);
  private readonly minima: Int32Array;

  constructor(options: NearDuplicateOptions = {}) {
    this.permutations = checkedInteger(
      'permutations',
      options.permutations ?? DEFAULT_PERMUTATIONS,
      1,
      0xffff,
    );
    this.shingleSize = checkedInteger(
      'shingleSize',
      options.shingleSize ?? DEFAULT_SHINGLE_SIZE,
      1,
      15,
    );
    this.minTokens = checkedInteger('minTokens', options.minTokens ?? DEFAULT_MIN_TOKENS, 1, 1000);
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
    if (!(this.threshold > 0 && this.threshold <= 1)) {
      throw new RangeError(`threshold must be in (0, 1], got ${this.threshold}`);
    }
    this.format =
      (FORMAT_MAGIC << 24) | (FORMAT_VERSION << 20) | (this.shingleSize << 16) | this.permutations;
    this.multipliers = new Int32Array(this.permutations);
    this.increments = new Int32Array(this.permutations);
    this.minima = new Int32Array(this.permutations);
    const next = seededGenerator(SEED);
    for (let i = 0; i < this.permutations; i++) {
      // An odd multiplier makes x -> a·x + b a bijection mod 2^32; fmix32 then scrambles the order.
      this.multipliers[i] = next() | 1;
      this.increments[i] = next();
    }
  }

  /**
   * The MinHash signature of the text's shingles: `permutations` int4 values, or [] for a text
   * with no letters or digits.
   */
  signature(text: string): number[] {
    const folded = foldForMatching(text);
    if (folded === '') return [];
    this.computeMinima(folded);
    return Array.from(this.minima);
  }

  /** Estimated Jaccard similarity of two signatures from signature(); 0 for an empty text. */
  similarity(a: readonly number[], b: readonly number[]): number {
    if (a.length === 0 || b.length === 0) return 0;
    if (a.length !== b.length) {
      throw new RangeError(
        `signatures of different lengths (${a.length}, ${b.length}) cannot be compared`,
      );
    }
    return this.matchingFraction(a, 0, b, 0, a.length);
  }

  /** Everything a later comparison needs, as one int4 array to store with the message. */
  fingerprint(text: string): number[] {
    const folded = foldForMatching(text);
    if (folded === '') return [this.format, 0, 0];
    const shingles = this.computeMinima(folded);
    return [this.format, shingles, countWords(folded), ...this.minima, ...longNumberHashes(folded)];
  }

  isNearDuplicate(a: TextOrFingerprint, b: TextOrFingerprint): boolean {
    return this.compare(a, b).duplicate;
  }

  compare(a: TextOrFingerprint, b: TextOrFingerprint): NearDuplicateComparison {
    const left = this.side(a);
    const right = this.side(b);
    if (!left || !right) return verdict(false, 0, 0, 'incompatible');
    if (left.layout.shingles === 0 || right.layout.shingles === 0) {
      return verdict(false, 0, 0, 'empty');
    }
    const jaccard = this.matchingFraction(
      left.fingerprint,
      left.layout.signatureStart,
      right.fingerprint,
      right.layout.signatureStart,
      this.permutations,
    );
    const similarity = overlapFromJaccard(jaccard, left.layout.shingles, right.layout.shingles);
    if (Math.min(left.layout.words, right.layout.words) < this.minTokens) {
      return identical(left.fingerprint, right.fingerprint)
        ? verdict(true, similarity, jaccard, 'identical')
        : verdict(false, similarity, jaccard, 'too_short');
    }
    if (!comparableSizes(left.layout.shingles, right.layout.shingles)) {
      return verdict(false, similarity, jaccard, 'lengths_differ');
    }
    if (numbersConflict(left, right)) return verdict(false, similarity, jaccard, 'numbers_differ');
    return similarity >= this.threshold
      ? verdict(true, similarity, jaccard, 'similar')
      : verdict(false, similarity, jaccard, 'dissimilar');
  }

  /**
   * Fills `minima` with the signature of the folded text and returns its number of distinct
   * shingles. Shingles are deduplicated first (sorted in the reused buffer): MinHash works on a
   * set, the count is needed for the overlap, and repeated shingles would only cost time.
   */
  private computeMinima(folded: string): number {
    const count = this.hashShingles(folded);
    const sorted = this.shingleBuffer.subarray(0, count).sort();
    this.minima.fill(0x7fffffff);
    let distinct = 0;
    for (let s = 0; s < count; s++) {
      const shingle = sorted[s];
      if (s > 0 && shingle === sorted[s - 1]) continue;
      distinct++;
      this.lowerMinima(shingle);
    }
    return distinct;
  }

  private lowerMinima(shingle: number): void {
    const { multipliers, increments, minima } = this;
    for (let i = 0; i < minima.length; i++) {
      const value = fmix32((imul(multipliers[i], shingle) + increments[i]) | 0);
      if (value < minima[i]) minima[i] = value;
    }
  }

  /**
   * Writes the hash of every shingle (overlapping, across word boundaries) into the buffer; a
   * text shorter than one shingle is one shingle.
   */
  private hashShingles(folded: string): number {
    const size = Math.min(this.shingleSize, folded.length);
    const count = folded.length - size + 1;
    if (this.shingleBuffer.length < count) {
      this.shingleBuffer = new Int32Array(Math.max(count, this.shingleBuffer.length * 2));
    }
    for (let i = 0; i < count; i++) this.shingleBuffer[i] = hashRange(folded, i, i + size);
    return count;
  }

  private matchingFraction(
    a: readonly number[],
    aStart: number,
    b: readonly number[],
    bStart: number,
    length: number,
  ): number {
    let equal = 0;
    for (let i = 0; i < length; i++) if (a[aStart + i] === b[bStart + i]) equal++;
    return equal / length;
  }

  private side(input: TextOrFingerprint): Side | undefined {
    const fingerprint = typeof input === 'string' ? this.fingerprint(input) : input;
    const layout = this.layoutOf(fingerprint);
    return layout ? { fingerprint, layout } : undefined;
  }

  /** Reads the header, or undefined when the array is not a fingerprint of this configuration. */
  private layoutOf(fingerprint: readonly number[]): Layout | undefined {
    if (fingerprint.length < HEADER_LENGTH || fingerprint[0] !== this.format) return undefined;
    const shingles = fingerprint[1];
    const words = fingerprint[2];
    const signatureStart = HEADER_LENGTH;
    const numbersStart = shingles === 0 ? signatureStart : signatureStart + this.permutations;
    const numbers = fingerprint.length - numbersStart;
    if (shingles < 0 || words < 0 || numbers < 0 || numbers > MAX_NUMBERS) return undefined;
    return { shingles, words, signatureStart, numbersStart, end: fingerprint.length };
  }
}

function checkedInteger(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer in [${min}, ${max}], got ${value}`);
  }
  return value;
}

function verdict(
  duplicate: boolean,
  similarity: number,
  jaccard: number,
  reason: ComparisonReason,
): NearDuplicateComparison {
  return { duplicate, similarity, jaccard, reason };
}

/**
 * |A∩B| = J·(|A|+|B|) / (1+J), so the signature's Jaccard estimate and the two set sizes give
 * the overlap without storing the sets. Estimation noise can push it past 1: clamp.
 */
function overlapFromJaccard(jaccard: number, sizeA: number, sizeB: number): number {
  const intersection = (jaccard * (sizeA + sizeB)) / (1 + jaccard);
  return Math.min(1, intersection / Math.min(sizeA, sizeB));
}

function comparableSizes(sizeA: number, sizeB: number): boolean {
  return Math.min(sizeA, sizeB) >= MIN_SIZE_RATIO * Math.max(sizeA, sizeB);
}

function identical(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/**
 * True when each side names a long number the other does not. A number on one side only is
 * normal (the e-mail gives the order number, the WhatsApp message does not); a phone number in
 * both signatures must not hide two different order numbers. A side at MAX_NUMBERS was
 * truncated, so what it lacks is unknown: no veto.
 */
function numbersConflict(left: Side, right: Side): boolean {
  const leftCount = left.layout.end - left.layout.numbersStart;
  const rightCount = right.layout.end - right.layout.numbersStart;
  if (leftCount === 0 || rightCount === 0) return false;
  if (leftCount >= MAX_NUMBERS || rightCount >= MAX_NUMBERS) return false;
  return hasNumberMissingFrom(left, right) && hasNumberMissingFrom(right, left);
}

function hasNumberMissingFrom(from: Side, other: Side): boolean {
  for (let i = from.layout.numbersStart; i < from.layout.end; i++) {
    const wanted = from.fingerprint[i];
    if (!sortedIncludes(other.fingerprint, other.layout.numbersStart, other.layout.end, wanted)) {
      return true;
    }
  }
  return false;
}
