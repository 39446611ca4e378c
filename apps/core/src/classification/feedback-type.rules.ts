import type { FeedbackType } from '@app/contracts';
import { foldForMatching } from '../text/turkish-text';
import { PhraseIndex, sourcesInTextOrder, type PhraseMatch } from './phrase-index';
import { TYPE_CUES, type CueTarget } from './type-cues';

// The type decision: cue phrases add up per type, praise that is negated ("not happy") counts for
// a complaint, praise before "ama/but" is a cushion, politeness formulas count for nothing, and
// Turkish negative verbs hint at a complaint.

/** When scores tie, the costlier mistake is missing a complaint; praise needs to stand alone. */
const TYPE_PRIORITY: readonly FeedbackType[] = ['complaint', 'suggestion', 'request', 'praise'];

/** Praise before one of these is usually a cushion: "teşekkür ederim ama ürün hâlâ gelmedi". */
const CONTRAST_WORDS = new Set(
  ['ama', 'fakat', 'ancak', 'lakin', 'amma', 'ancaq', 'fəqət', 'but', 'however', 'though'].map(
    foldForMatching,
  ),
);

/** "not happy", "wasn't helpful" (the apostrophe leaves a lone "t"), "never great". */
const NEGATORS_BEFORE = new Set(['not', 'never', 'no', 't', 'dont', 'didnt', 'wasnt', 'isnt']);
/** "nazik değildi", "memnun deyiləm". */
const NEGATORS_AFTER = ['degil', 'deyil'];

/**
 * Turkish verbs in the negative ("gelmedi", "çalışmıyor", "ulaşamadım", "verilmemiş") are the
 * commonest way a complaint says what did not happen. Looked for after the first two letters so
 * the stem is not mistaken for a suffix.
 */
const NEGATIVE_VERB = /m[ae]d[iu]|m[iu]yor|m[ae]m[iu]s/;
/** Negative verbs that do not complain: "bilmiyorum" asks, "komedi" is not a verb. */
const NOT_COMPLAINING = ['bilmiyor', 'bilmedi', 'komedi'];
/** A few negative verbs hint at a complaint; more do not make it more of one. */
const MAX_NEGATIVE_VERB_SCORE = 2;

function isNegativeVerb(token: string): boolean {
  return (
    NEGATIVE_VERB.test(token.slice(2)) && !NOT_COMPLAINING.some((word) => token.startsWith(word))
  );
}

function isNegated(tokens: readonly string[], match: PhraseMatch<CueTarget>): boolean {
  const before = tokens.slice(Math.max(0, match.start - 2), match.start);
  const after = tokens.slice(match.end, match.end + 2);
  return (
    before.some((t) => NEGATORS_BEFORE.has(t)) ||
    after.some((t) => NEGATORS_AFTER.some((n) => t.startsWith(n)))
  );
}

interface TypeEvidence {
  readonly scores: Record<FeedbackType, number>;
  readonly cues: Record<FeedbackType, PhraseMatch<CueTarget>[]>;
}

function emptyEvidence(): TypeEvidence {
  return {
    scores: { complaint: 0, request: 0, suggestion: 0, praise: 0 },
    cues: { complaint: [], request: [], suggestion: [], praise: [] },
  };
}

function collectCues(
  tokens: readonly string[],
  matches: readonly PhraseMatch<CueTarget>[],
): TypeEvidence {
  const evidence = emptyEvidence();
  const counted = new Set<string>();
  const lastContrast = tokens.findLastIndex((t) => CONTRAST_WORDS.has(t));
  let cushioned = false;
  for (const match of matches) {
    if (match.phrase.target === 'neutral') continue;
    let target: FeedbackType = match.phrase.target;
    if (target === 'praise' && isNegated(tokens, match)) target = 'complaint';
    if (target === 'praise' && match.end <= lastContrast) {
      cushioned = true;
      continue;
    }
    evidence.cues[target].push(match);
    // Saying "teşekkürler" three times is one piece of evidence, not three.
    const key = `${target}:${match.phrase.source}`;
    if (counted.has(key)) continue;
    counted.add(key);
    evidence.scores[target] += match.phrase.weight;
  }
  if (cushioned) evidence.scores.complaint += 1;
  return evidence;
}

function addNegativeVerbs(
  evidence: TypeEvidence,
  tokens: readonly string[],
  matches: readonly PhraseMatch<CueTarget>[],
): void {
  const covered = new Set<number>();
  for (const m of matches) for (let i = m.start; i < m.end; i++) covered.add(i);
  const negatives = new Set(tokens.filter((t, i) => !covered.has(i) && isNegativeVerb(t)));
  evidence.scores.complaint += Math.min(negatives.size, MAX_NEGATIVE_VERB_SCORE);
}

function bestType(scores: Record<FeedbackType, number>): FeedbackType {
  let best: FeedbackType = 'complaint';
  for (const type of TYPE_PRIORITY) if (scores[type] > scores[best]) best = type;
  return best;
}

/** How the type was decided, and the cues that decided it as written in the cue lists. */
export interface TypeReading {
  readonly type: FeedbackType;
  readonly source: 'declared' | 'keywords' | 'default';
  readonly cues: string[];
}

/** Reads the kind of feedback from a message's tokens; a declared type wins. */
export class FeedbackTypeReader {
  private readonly typeCues = new PhraseIndex<CueTarget>();

  constructor() {
    for (const group of TYPE_CUES) {
      for (const phrase of group.phrases) this.typeCues.add(phrase, group.target, group.weight);
    }
  }

  read(tokens: readonly string[], declared: FeedbackType | undefined): TypeReading {
    if (declared !== undefined) return { type: declared, source: 'declared', cues: [] };
    const matches = this.typeCues.find(tokens);
    const evidence = collectCues(tokens, matches);
    addNegativeVerbs(evidence, tokens, matches);
    const type = bestType(evidence.scores);
    if (evidence.scores[type] === 0) return { type: 'complaint', source: 'default', cues: [] };
    return { type, source: 'keywords', cues: sourcesInTextOrder(evidence.cues[type]) };
  }
}
