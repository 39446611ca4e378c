/**
 * Personal data never reaches the logs (KVKK / GDPR): request bodies are not logged at all, and
 * these paths are censored wherever an object with them is logged by mistake. Paths follow
 * pino's redact syntax; `*` matches one level.
 */
const PERSONAL_KEYS = [
  'name',
  'surname',
  'patronymic',
  'displayName',
  'email',
  'phone',
  'text',
  'subject',
  'body',
  'sender',
  'recipient',
  'employee',
  'message.text',
];

export const REDACTED_PATHS: string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-signature"]',
  'req.headers["x-hub-signature-256"]',
  'req.headers["x-twitter-webhooks-signature"]',
  'res.headers["set-cookie"]',
  ...PERSONAL_KEYS,
  ...PERSONAL_KEYS.map((k) => `*.${k}`),
];

export const REDACTION_CENSOR = '[redacted]';
