import { randomUUID } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import type { DeadLetterV1, FailureReason, TopicName } from '@app/contracts';
import type { KafkaMessage } from 'kafkajs';

const MAX_REASON_MESSAGE = 4000;

export function failureReason(code: string, message: string, details?: unknown): FailureReason {
  const text =
    message.length > MAX_REASON_MESSAGE ? `${message.slice(0, MAX_REASON_MESSAGE - 1)}…` : message;
  return details === undefined ? { code, message: text } : { code, message: text, details };
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
    payload: isUtf8(raw)
      ? { encoding: 'utf8', data: raw.toString('utf8') }
      : { encoding: 'base64', data: raw.toString('base64') },
    headers,
    attempts: args.attempts,
  };
}
