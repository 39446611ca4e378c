import { randomUUID } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import type { Channel, DeadLetterV1, FailureReason, TopicName } from '@app/contracts';
import type { KafkaMessage } from 'kafkajs';

const MAX_REASON_MESSAGE = 4000;

export function failureReason(code: string, message: string, details?: unknown): FailureReason {
  const text =
    message.length > MAX_REASON_MESSAGE ? `${message.slice(0, MAX_REASON_MESSAGE - 1)}…` : message;
  return details === undefined ? { code, message: text } : { code, message: text, details };
}

type DeadLetterPayload = DeadLetterV1['payload'];

/** Exact bytes, readable in the dead letter when they are UTF-8 text and base64 when not. */
function bytesPayload(raw: Buffer): DeadLetterPayload {
  return isUtf8(raw)
    ? { encoding: 'utf8', data: raw.toString('utf8') }
    : { encoding: 'base64', data: raw.toString('base64') };
}

/** A dead letter for a Kafka message, carrying its exact bytes so it can be replayed after a fix. */
export function kafkaDeadLetter(args: {
  service: string;
  topic: TopicName;
  partition: number;
  message: KafkaMessage;
  reason: FailureReason;
  attempts: number;
}): DeadLetterV1 {
  const raw = args.message.value ?? Buffer.alloc(0);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(args.message.headers ?? {})) {
    if (value !== undefined)
      headers[name] = Array.isArray(value) ? value.map(String).join(',') : String(value);
  }
  return {
    schemaVersion: 1,
    deadLetterId: randomUUID(),
    failedAt: new Date().toISOString(),
    service: args.service,
    reason: args.reason,
    source: {
      kind: 'kafka',
      topic: args.topic,
      partition: args.partition,
      offset: args.message.offset,
      key: args.message.key ? args.message.key.toString('utf8') : null,
      timestamp: args.message.timestamp,
    },
    payload: bytesPayload(raw),
    headers,
    attempts: args.attempts,
  };
}

/**
 * A dead letter for something a channel adapter received and could not take in, before anything
 * reached Kafka. `payload` is what was received: bytes (kept as UTF-8 text when they are, base64
 * otherwise), text, or an encoded payload the adapter chose itself.
 */
export function channelDeadLetter(args: {
  service: string;
  channel: Channel;
  channelAccount: string;
  /** The channel's id of the item; left out when empty, as the item may not have one. */
  sourceId?: string;
  reason: FailureReason;
  payload: Buffer | string | DeadLetterPayload;
  headers?: Record<string, string>;
  attempts: number;
}): DeadLetterV1 {
  const { payload } = args;
  return {
    schemaVersion: 1,
    deadLetterId: randomUUID(),
    failedAt: new Date().toISOString(),
    service: args.service,
    reason: args.reason,
    source: {
      kind: 'channel',
      channel: args.channel,
      channelAccount: args.channelAccount,
      ...(args.sourceId ? { sourceId: args.sourceId } : {}),
    },
    payload: Buffer.isBuffer(payload)
      ? bytesPayload(payload)
      : typeof payload === 'string'
        ? { encoding: 'utf8', data: payload }
        : payload,
    ...(args.headers ? { headers: args.headers } : {}),
    attempts: args.attempts,
  };
}
