import type { FeedbackType } from '@app/contracts';
import { COMPLAINT_HINTS, COMPLAINT_PHRASES } from './complaint-cues';
import { POLITENESS_FORMULAS, PRAISE_HINTS, PRAISE_PHRASES } from './praise-cues';
import { REQUEST_HINTS, REQUEST_PHRASES } from './request-cues';
import { SUGGESTION_HINTS, SUGGESTION_PHRASES } from './suggestion-cues';

/** 'neutral' cues are politeness formulas that contain praise words but are not praise. */
export type CueTarget = FeedbackType | 'neutral';

export interface CueGroup {
  readonly target: CueTarget;
  readonly weight: number;
  readonly phrases: readonly string[];
}

/**
 * Cue phrases per type in Turkish, Azerbaijani and English, written as people type them; they
 * are folded like messages, so "şikayet", "şikâyet", "sikayet" and Azerbaijani "şikayət" meet.
 * Weight 2: the phrase alone says the type. Weight 1: a hint that needs company.
 *
 * Decision on remedies: a demand for a remedy ("iade istiyorum", "paramı geri istiyorum",
 * "değişim istiyorum") is a complaint, because the customer wants something put right; asking
 * how to return something ("nasıl iade edebilirim", "iade etmek istiyorum, ne yapmalıyım") is a
 * request, unless the message also says what went wrong (then the complaint cues outweigh it).
 */
export const TYPE_CUES: readonly CueGroup[] = [
  { target: 'complaint', weight: 2, phrases: COMPLAINT_PHRASES },
  { target: 'complaint', weight: 1, phrases: COMPLAINT_HINTS },
  { target: 'request', weight: 2, phrases: REQUEST_PHRASES },
  { target: 'request', weight: 1, phrases: REQUEST_HINTS },
  { target: 'suggestion', weight: 2, phrases: SUGGESTION_PHRASES },
  { target: 'suggestion', weight: 1, phrases: SUGGESTION_HINTS },
  { target: 'praise', weight: 2, phrases: PRAISE_PHRASES },
  { target: 'praise', weight: 1, phrases: PRAISE_HINTS },
  { target: 'neutral', weight: 0, phrases: POLITENESS_FORMULAS },
];
