import { foldedTokens } from '../text/turkish-text';

// Phrase matching: keywords and cue phrases, folded and tokenised like messages, found in a
// message's tokens through Turkish and Azerbaijani suffixes.

/**
 * Turkish and Azerbaijani glue suffixes onto words ("kargo", "kargom", "kargoya", "kargodan"), so
 * a keyword word of this many letters or more matches as the start of a word. Shorter words
 * ("fiş", "sms", "geç") would match far too much as prefixes and must match whole.
 */
const MIN_PREFIX_STEM = 4;

/**
 * Long e-mails carry quoted history and signatures; the opening is what the customer is saying
 * now, and the cap keeps a 100 kB message from costing more than a normal one.
 */
const MAX_TOKENS_PER_FIELD = 2_000;

// "-sız/-siz/-suz/-süz" means "without": "sorunsuz", "kusursuz", "kalitesiz" say the opposite of
// their stem, so a stem never matches a word that continues with it.
const PRIVATIVE_SUFFIX = /^s[iu]z/;

/** Folded tokens, with chat-style elongation undone ("cokkk", "gelmediii"): no word needs 3. */
export function tokenize(text: string | undefined): string[] {
  if (text === undefined) return [];
  return foldedTokens(text)
    .slice(0, MAX_TOKENS_PER_FIELD)
    .map((token) => token.replace(/(\p{L})\1{2,}/gu, '$1'));
}

interface WordPattern {
  readonly text: string;
  readonly prefix: boolean;
}

export interface Phrase<T> {
  readonly words: readonly WordPattern[];
  /** As written by whoever configured it, shown to people. */
  readonly source: string;
  readonly target: T;
  readonly weight: number;
}

export type Related<T> = (a: T, b: T) => boolean;

export interface PhraseMatch<T> {
  readonly phrase: Phrase<T>;
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

function wordMatches(pattern: WordPattern, token: string | undefined): boolean {
  if (token === undefined) return false;
  if (!pattern.prefix) return token === pattern.text;
  return token.startsWith(pattern.text) && !PRIVATIVE_SUFFIX.test(token.slice(pattern.text.length));
}

/**
 * Phrases indexed by their first word, so a message costs one or two map look-ups per token
 * whatever the size of the tree: whole words by the word, stems by their first letters.
 */
export class PhraseIndex<T> {
  private readonly whole = new Map<string, Phrase<T>[]>();
  private readonly stems = new Map<string, Phrase<T>[]>();

  /** Adds a phrase; one that folds to nothing could never match and is left out. */
  add(source: string, target: T, weight: number): void {
    const words = tokenize(source).map((text) => ({
      text,
      prefix: text.length >= MIN_PREFIX_STEM,
    }));
    const first = words[0];
    if (first === undefined) return;
    const phrase: Phrase<T> = { words, source, target, weight };
    const [map, key] = first.prefix
      ? [this.stems, first.text.slice(0, MIN_PREFIX_STEM)]
      : [this.whole, first.text];
    const bucket = map.get(key);
    if (bucket) bucket.push(phrase);
    else map.set(key, [phrase]);
  }

  /**
   * Every occurrence, minus those inside a longer match ("iade" inside "para iadesi") unless
   * `related` says the two support each other rather than compete.
   */
  find(tokens: readonly string[], related: Related<T> = () => false): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    for (const [start, token] of tokens.entries()) {
      for (const phrase of this.candidates(token)) {
        if (phrase.words.every((word, i) => wordMatches(word, tokens[start + i]))) {
          found.push({ phrase, start, end: start + phrase.words.length });
        }
      }
    }
    return dropContainedMatches(found, related);
  }

  private *candidates(token: string): Iterable<Phrase<T>> {
    yield* this.whole.get(token) ?? [];
    if (token.length >= MIN_PREFIX_STEM)
      yield* this.stems.get(token.slice(0, MIN_PREFIX_STEM)) ?? [];
  }
}

/**
 * Drops a match that lies inside a longer one ("iade" inside "para iadesi"), and a second match of
 * the same target over the same words ("fişi" and "fişimi" both matching "fişimi", where the more
 * specific one stays): one stretch of text is one piece of evidence.
 */
function dropContainedMatches<T>(
  matches: readonly PhraseMatch<T>[],
  related: Related<T>,
): PhraseMatch<T>[] {
  return matches.filter((m, i) =>
    matches.every((other, j) => {
      if (j === i || other.start > m.start || other.end < m.end) return true;
      if (other.end - other.start > m.end - m.start) {
        return related(other.phrase.target, m.phrase.target);
      }
      return other.phrase.target !== m.phrase.target || !moreSpecific(other, j, m, i);
    }),
  );
}

/** Between two matches of the same words: the heavier, then the longer keyword, then the first. */
function moreSpecific<T>(a: PhraseMatch<T>, ai: number, b: PhraseMatch<T>, bi: number): boolean {
  if (a.phrase.weight !== b.phrase.weight) return a.phrase.weight > b.phrase.weight;
  const length = (m: PhraseMatch<T>) => m.phrase.words.reduce((n, w) => n + w.text.length, 0);
  if (length(a) !== length(b)) return length(a) > length(b);
  return ai < bi;
}

/** Sources in the order the customer wrote them, each once. */
export function sourcesInTextOrder<T>(matches: readonly PhraseMatch<T>[]): string[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start);
  return [...new Set(sorted.map((m) => m.phrase.source))];
}
