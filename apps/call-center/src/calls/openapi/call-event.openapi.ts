import { applyDecorators } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiHeader,
  ApiOperation,
  ApiResponse,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { CALL_EVENT_SCHEMA, CALL_ACCEPTED_SCHEMA, ERROR_SCHEMA } from './call-event.schemas';
import { CALL_EVENT_EXAMPLE, WITHHELD_CALL_EXAMPLE } from './call-event.examples';

const error = (status: number, description: string) =>
  ApiResponse({ status, description, schema: ERROR_SCHEMA });

/** The OpenAPI description of `POST /api/v1/call-center/events`. */
export function CallEventApi(): MethodDecorator {
  return applyDecorators(
    ApiTags('call-center'),
    ApiSecurity('webhookSignature'),
    ApiOperation({
      summary: 'Record a call that has ended',
      description:
        'Sent by the telephony or CCaaS system after each call. The call id is the idempotency ' +
        'key: a redelivered call answers with the same messageId and reference and creates ' +
        'nothing new; the same call id with different content is 409 (unless the earlier ' +
        'delivery was refused with 503, in which case the new content is the call). The answer ' +
        'carries the reference number when core has opened the case within ' +
        'CALL_CENTER_REFERENCE_WAIT_MS (2 s), so the agent can read it to the caller.',
    }),
    ApiHeader({
      name: 'X-Timestamp',
      required: true,
      description:
        'Unix time in seconds when the request was signed; older than 5 minutes (or more than 30 s ahead) is refused.',
      schema: { type: 'string', pattern: '^\\d{1,12}$', example: '1773468000' },
    }),
    ApiHeader({
      name: 'X-Signature',
      required: true,
      description:
        '`sha256=` followed by the lower-case hex HMAC-SHA256, keyed with the shared secret, of ' +
        'the bytes `<X-Timestamp>.<raw body>`.',
      schema: { type: 'string', pattern: '^sha256=[0-9a-f]{64}$' },
    }),
    ApiHeader({
      name: 'Accept-Language',
      required: false,
      description: 'Language of error messages: tr (default), az or en.',
    }),
    ApiBody({
      schema: CALL_EVENT_SCHEMA,
      examples: {
        call: { summary: 'A complaint with notes and a recording', value: CALL_EVENT_EXAMPLE },
        withheld: {
          summary: 'Caller number withheld, contact recorded by the agent',
          value: WITHHELD_CALL_EXAMPLE,
        },
      },
    }),
    ApiAcceptedResponse({
      description:
        'Kafka has the call. `reference` and `acknowledgement` (what to tell the caller) are ' +
        'there when core answered in time; `trackingUrl` always is. Without a reference the ' +
        'call is still recorded: send it again (the same body) to get the reference.',
      schema: CALL_ACCEPTED_SCHEMA,
    }),
    error(
      400,
      'Malformed JSON (`malformed_json`) or invalid fields (`validation_failed`, one entry per field in `errors`).',
    ),
    error(
      401,
      'Missing headers (`signature_missing`), a malformed or wrong signature (`signature_invalid`), a timestamp that is not Unix seconds (`timestamp_invalid`) or outside the window (`timestamp_out_of_range`).',
    ),
    error(409, 'The call id was already recorded with different content (`call_conflict`).'),
    error(413, 'The body is over CALL_CENTER_BODY_LIMIT (`payload_too_large`).'),
    error(415, 'Not UTF-8 JSON, or a compressed body (`unsupported_media_type`).'),
    error(
      503,
      'Kafka (`publish_failed`) or PostgreSQL (`database_unavailable`) cannot take the call now; retry after `Retry-After` seconds with the same body. Nothing was recorded.',
    ),
  );
}
