/**
 * Dead letters are shown to ops to find out what went wrong, not to read customers' data: every
 * field that can carry personal data or message content is masked, structure and sizes are kept.
 */
const IDENTITY_KEYS = new Set([
  'name',
  'surname',
  'patronymic',
  'fullName',
  'displayName',
  'phone',
  'whatsappId',
  'xUserId',
  'xHandle',
  'handle',
  'address',
  'employee',
  'ip',
]);
const CONTENT_KEYS = new Set(['text', 'body', 'html', 'subject', 'comment', 'transcript', 'data']);

function maskIdentity(value: string): string {
  const at = value.indexOf('@');
  // An e-mail keeps its domain (which mail provider failed can matter); a handle or a name only
  // its first character; a phone its last two digits.
  if (at > 0) return `${value[0]}***${value.slice(at)}`;
  if (/^\+?[\d\s()-]{6,}$/.test(value)) return `***${value.replace(/\D/g, '').slice(-2)}`;
  return `${value.slice(0, 1)}***`;
}

function maskValue(key: string | null, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((v) => maskValue(key, v));
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskValue(k, v)]),
    );
  }
  if (typeof value !== 'string' || key === null) return value;
  if (key === 'email' || IDENTITY_KEYS.has(key)) return maskIdentity(value);
  if (CONTENT_KEYS.has(key)) return `[${value.length} characters]`;
  return value;
}

/** A Kafka key names the sender after the channel (`whatsapp:+90...`): keep only the channel. */
export function maskedKey(key: string | null): string | null {
  if (key === null) return null;
  const colon = key.indexOf(':');
  return colon < 0
    ? maskIdentity(key)
    : `${key.slice(0, colon)}:${maskIdentity(key.slice(colon + 1))}`;
}

/** The payload for display: JSON with personal fields masked, or only the size of other bytes. */
export function maskedPayload(payload: { encoding: 'utf8' | 'base64'; data: string }): unknown {
  if (payload.encoding === 'utf8') {
    try {
      return maskValue(null, JSON.parse(payload.data) as unknown);
    } catch {
      // Unparsable text can be anything, a raw mail included: show nothing of it.
    }
  }
  const bytes =
    payload.encoding === 'base64'
      ? Buffer.from(payload.data, 'base64').length
      : Buffer.byteLength(payload.data);
  return { unparsed: true, encoding: payload.encoding, bytes };
}
