import { parseReference } from '@app/contracts';
import { fieldValue } from '../page/page-form';
import type { FieldProblem } from '../page/form-renderer';
import type { Verification } from './dto/track-status';

/** What the customer typed into the look-up form, as it is shown again. */
export interface TrackValues {
  reference?: string;
  verify?: string;
}

export const COMMENT_MAX = 1_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function trackValues(body: Record<string, unknown>): TrackValues {
  return {
    reference: fieldValue(body, 'reference')?.slice(0, 100),
    verify: fieldValue(body, 'verify')?.slice(0, 254),
  };
}

/**
 * The reference (checked with its check digit, so a mistyped digit is told at once without asking
 * core) and the second factor: an e-mail address, or the last four digits of the phone number
 * however they were written ("45 67").
 */
export function checkTrackValues(
  values: TrackValues,
): { ok: true; verification: Verification } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  let reference: string | undefined;
  const typed = values.reference?.trim() ?? '';
  if (typed === '') problems.push({ field: 'reference', rule: 'required' });
  else {
    const parsed = parseReference(typed.replace(/\s+/g, ''));
    if (parsed.ok) reference = parsed.value.text;
    else problems.push({ field: 'reference', rule: parsed.error });
  }
  const verify = normalizeFactor(values.verify);
  if (!values.verify?.trim()) problems.push({ field: 'verify', rule: 'required' });
  else if (!verify) problems.push({ field: 'verify', rule: 'invalid' });
  if (problems.length > 0 || !reference || !verify) return { ok: false, problems };
  return { ok: true, verification: { reference, verify } };
}

function normalizeFactor(input: string | undefined): string | undefined {
  const text = input?.trim() ?? '';
  if (text.includes('@')) return EMAIL.test(text) && text.length <= 254 ? text : undefined;
  const digits = text.replace(/[\s\-().]/g, '');
  return /^\d{4}$/.test(digits) ? digits : undefined;
}

/** An optional comment; blank is none. */
export function commentOf(body: Record<string, unknown>): { comment?: string; tooLong: boolean } {
  const comment = fieldValue(body, 'comment')?.trim();
  if (!comment) return { tooLong: false };
  return { comment, tooLong: comment.length > COMMENT_MAX };
}

export function scoreOf(body: Record<string, unknown>): number | undefined {
  const score = Number(fieldValue(body, 'score'));
  return Number.isInteger(score) && score >= 1 && score <= 5 ? score : undefined;
}
