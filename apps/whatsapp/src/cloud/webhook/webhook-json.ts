import { parse, type ParseError } from 'jsonc-parser';

export type WebhookJson =
  { ok: true; value: unknown; lenient: boolean } | { ok: false; reason: string };

/**
 * The signed body as JSON. Strict JSON first; a body whose only fault is a trailing comma (as in
 * Meta's own published "reaction removed" example) is still read, because the signature already
 * proved it came from Meta and refusing it would lose a customer's message for a comma. Anything
 * else that is not JSON is refused, never guessed at.
 */
export function parseWebhookJson(raw: Buffer): WebhookJson {
  const text = raw.toString('utf8');
  try {
    return { ok: true, value: JSON.parse(text), lenient: false };
  } catch (error) {
    const errors: ParseError[] = [];
    const value: unknown = parse(text, errors, {
      allowTrailingComma: true,
      disallowComments: true,
      allowEmptyContent: false,
    });
    if (errors.length === 0 && value !== undefined) return { ok: true, value, lenient: true };
    return { ok: false, reason: (error as Error).message };
  }
}
