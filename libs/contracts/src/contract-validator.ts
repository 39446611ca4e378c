import type { z } from 'zod';
import { TOPIC_CONTRACTS, type TopicName, type TopicPayload } from './topics';

export interface ContractIssue {
  /** Dotted path into the payload, `sender.email`; empty for the payload itself. */
  path: string;
  message: string;
}

export type ContractResult<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'malformed_json' | 'contract_violation'; issues: ContractIssue[] };

function toIssues(error: z.ZodError): ContractIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/**
 * The one validator used at every boundary: producers call it before sending, consumers after
 * receiving. Returns the parsed payload (defaults applied) or the list of what is wrong.
 */
export function validatePayload<T extends TopicName>(
  topic: T,
  value: unknown,
): ContractResult<TopicPayload<T>> {
  const parsed = TOPIC_CONTRACTS[topic].schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, reason: 'contract_violation', issues: toIssues(parsed.error) };
}

/** Decodes the bytes of a Kafka message value and validates them against the topic's contract. */
export function decodePayload<T extends TopicName>(
  topic: T,
  bytes: Buffer | null,
): ContractResult<TopicPayload<T>> {
  if (!bytes || bytes.length === 0) {
    return {
      ok: false,
      reason: 'malformed_json',
      issues: [{ path: '', message: 'empty message' }],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return {
      ok: false,
      reason: 'malformed_json',
      issues: [{ path: '', message: (error as Error).message }],
    };
  }
  return validatePayload(topic, json);
}

export function keyFor<T extends TopicName>(topic: T, payload: TopicPayload<T>): string {
  return TOPIC_CONTRACTS[topic].key(payload);
}
