import type { SchemaObject } from '@nestjs/swagger';
import { FEEDBACK_TYPES, LANGUAGES } from '@app/contracts';

const text = (maxLength: number, description: string, example?: string): SchemaObject => ({
  type: 'string',
  maxLength,
  description,
  ...(example === undefined ? {} : { example }),
});

/**
 * The call payload, written out for readers (the zod schema in dto/ is what validates; a spec
 * keeps the two naming the same fields). Empty strings and null count as "not given".
 */
export const CALL_EVENT_SCHEMA: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['callId', 'calledLine', 'agent', 'startedAt', 'endedAt'],
  properties: {
    callId: {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      pattern: '^[\\x21-\\x7e]+$',
      description: "The telephony system's own id of the call: the idempotency key.",
      example: 'CC-20260314-000123',
    },
    callerNumber: {
      type: 'string',
      nullable: true,
      maxLength: 32,
      description:
        'The number the customer called from, any common notation (normalized to E.164 with ' +
        'PHONE_DEFAULT_REGION). Withheld: leave it out, send null or "", or one of anonymous, ' +
        'withheld, private, restricted, unknown, unavailable, gizli, bilinmiyor; then ' +
        'customer.phone or customer.email is required.',
      example: '+905321234567',
    },
    calledLine: text(
      50,
      'The line the customer called (normalized to E.164 when it is a valid number, kept as given otherwise).',
      '+908502220000',
    ),
    agent: {
      type: 'object',
      additionalProperties: false,
      required: ['id'],
      description: 'The agent who took the call (metadata, not the employee complained about).',
      properties: {
        id: text(100, "The agent's id in the telephony system.", 'A-1042'),
        name: text(200, "The agent's name.", 'Zeynep Kaya'),
      },
    },
    storeCode: {
      type: 'string',
      pattern: '^[A-Za-z0-9._-]{1,50}$',
      description: 'The store the call is about (upper-cased), for routing to its region.',
      example: 'IST-KDK-01',
    },
    category: text(200, 'The call-tree category the agent chose.', 'returns.refused'),
    notes: text(10_000, "The agent's notes. notes or transcript (or both) must be given."),
    transcript: text(80_000, 'A transcript of the call; follows the notes in the case text.'),
    startedAt: {
      type: 'string',
      format: 'date-time',
      description: 'ISO 8601 with Z or an offset.',
      example: '2026-03-14T09:12:03+03:00',
    },
    endedAt: {
      type: 'string',
      format: 'date-time',
      description: 'ISO 8601 with Z or an offset, after startedAt.',
      example: '2026-03-14T09:19:45+03:00',
    },
    recordingUrl: {
      type: 'string',
      format: 'uri',
      maxLength: 2_000,
      pattern: '^https://',
      description: 'Where the recording is; stored with the case, never fetched by the gateway.',
    },
    customer: {
      type: 'object',
      additionalProperties: false,
      description:
        'What the agent wrote down about the customer. customer.phone, when given, is the ' +
        'contact number of the case (the caller number is kept beside it).',
      properties: {
        name: text(100, 'First name.', 'Ayşe'),
        surname: text(100, 'Surname.', 'Yılmaz'),
        phone: text(32, 'A number to call back on.', '0532 123 45 67'),
        email: { type: 'string', format: 'email', maxLength: 254 },
      },
    },
    employee: text(200, 'The employee the customer complains about, if named.'),
    type: {
      type: 'string',
      enum: [...FEEDBACK_TYPES],
      description: 'The kind of feedback, as the agent recorded it.',
    },
    language: {
      type: 'string',
      enum: [...LANGUAGES],
      description: 'The language the customer spoke, for replies.',
    },
  },
};

export const CALL_ACCEPTED_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['messageId', 'trackingUrl'],
  properties: {
    messageId: {
      type: 'string',
      format: 'uuid',
      description: 'The same for every delivery of a call.',
    },
    reference: {
      type: 'string',
      pattern: '^[A-Z]{2,8}-\\d{4}-\\d{6}-\\d$',
      description: 'The case reference number, to read to the caller.',
      example: 'KM-2026-004217-3',
    },
    trackingUrl: {
      type: 'string',
      format: 'uri',
      description:
        'The status tracking page (CALL_CENTER_TRACKING_URL), opened on the case when the ' +
        'reference is known, in the language of the call.',
      example: 'https://sikayet.example.com/track?reference=KM-2026-004217-3&lang=tr',
    },
    acknowledgement: {
      type: 'object',
      required: ['language', 'text'],
      description:
        'With the reference: the acknowledgement to read (or text) to the caller, in the ' +
        'language of the call (Turkish when not given).',
      properties: {
        language: { type: 'string', enum: [...LANGUAGES] },
        text: {
          type: 'string',
          example:
            'Başvurunuz KM-2026-004217-3 referans numarasıyla kaydedildi. Durumunu https://sikayet.example.com/track?reference=KM-2026-004217-3&lang=tr adresinden bu numarayla takip edebilirsiniz.',
        },
      },
    },
  },
};

export const ERROR_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['status', 'code', 'message'],
  properties: {
    status: { type: 'integer' },
    code: { type: 'string', example: 'validation_failed' },
    message: {
      type: 'string',
      description: 'In the Accept-Language language (Turkish by default).',
    },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          field: { type: 'string', example: 'endedAt' },
          rule: { type: 'string', example: 'not_after_start' },
          message: { type: 'string' },
        },
      },
    },
  },
};
