import { createHash } from 'node:crypto';

const MAX_ID_LENGTH = 998;
const MAX_REFERENCES = 100;

/** `<id>` for any way a Message-ID is written (with or without brackets, folded, padded). */
export function normalizeMessageId(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const inBrackets = /<([^<>\s]+)>/.exec(value)?.[1];
  const bare = inBrackets ?? value.replace(/\s+/g, '').replace(/^<|>$/g, '');
  if (!bare || bare.length > MAX_ID_LENGTH - 2 || /[<>\s]/.test(bare)) return undefined;
  return `<${bare}>`;
}

/** Every `<id>` in a References or In-Reply-To value, in order, without repeats. */
export function messageIdsIn(values: string | readonly string[] | undefined): string[] {
  const list = typeof values === 'string' ? [values] : (values ?? []);
  const found: string[] = [];
  for (const value of list) {
    const ids = [...value.matchAll(/<[^<>\s]+>/g)].map((m) => m[0]);
    const candidates = ids.length > 0 ? ids : value.split(/\s+/);
    for (const candidate of candidates) {
      const id = normalizeMessageId(candidate);
      if (id && !found.includes(id)) found.push(id);
    }
  }
  return found;
}

/** The thread's ancestors as the envelope takes them: the most recent hundred. */
export function referencesForEnvelope(values: string | readonly string[] | undefined): string[] {
  return messageIdsIn(values).slice(-MAX_REFERENCES);
}

/**
 * A mail without a Message-ID still needs a source id that is the same every time the same
 * mail is read (after a restart or a UIDVALIDITY resync): one made from its bytes.
 */
export function syntheticMessageId(raw: Buffer): string {
  return `<${createHash('sha256').update(raw).digest('hex')}@no-message-id.invalid>`;
}

/** How Message-IDs are compared and stored: lower-cased, without brackets. */
export function messageIdKey(id: string): string {
  return id.trim().replace(/^<|>$/g, '').toLowerCase();
}
