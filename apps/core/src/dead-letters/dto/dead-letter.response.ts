import type { AuditEntry, StoredDeadLetter } from '../dead-letter.repository';
import { maskedKey, maskedPayload } from '../payload-mask';

export interface DeadLetterSummaryItem {
  id: string;
  failedAt: string;
  service: string;
  channel: string | null;
  reason: { code: string; message: string };
  sourceTopic: string | null;
  status: string;
  statusAt: string;
  attempts: number;
  replayCount: number;
}

export interface DeadLetterResponse extends DeadLetterSummaryItem {
  source: StoredDeadLetter['source'];
  /** partition and offset of the failed message when it came from Kafka. */
  partition: number | null;
  offset: string | null;
  reasonDetails?: unknown;
  /** The payload with personal data and message content masked. */
  payload: unknown;
  headers: Record<string, string>;
  replayable: boolean;
  audit: { at: string; actor: string; action: string; details: Record<string, unknown> }[];
}

export interface DeadLetterChannelSummary {
  channel: string | null;
  waiting: number;
  oldestFailedAt: string;
  /** The channel's waiting letters per reason code (`reason.code` as stored), summing to `waiting`. */
  byReason: Record<string, number>;
}

/** Only letters of a Kafka topic, kept as text, can be put back where they came from. */
export function isReplayable(letter: StoredDeadLetter): boolean {
  return letter.source.kind === 'kafka' && letter.payload.encoding === 'utf8';
}

export function toDeadLetterItem(l: StoredDeadLetter): DeadLetterSummaryItem {
  return {
    id: l.id,
    failedAt: l.failedAt.toISOString(),
    service: l.service,
    channel: l.channel,
    reason: { code: l.reason.code, message: l.reason.message },
    sourceTopic: l.source.kind === 'kafka' ? l.source.topic : null,
    status: l.status,
    statusAt: l.statusAt.toISOString(),
    attempts: l.attempts,
    replayCount: l.replayCount,
  };
}

export function toDeadLetterResponse(
  l: StoredDeadLetter,
  audit: readonly AuditEntry[],
): DeadLetterResponse {
  return {
    ...toDeadLetterItem(l),
    source: l.source.kind === 'kafka' ? { ...l.source, key: maskedKey(l.source.key) } : l.source,
    partition: l.source.kind === 'kafka' ? l.source.partition : null,
    offset: l.source.kind === 'kafka' ? l.source.offset : null,
    ...(l.reason.details !== undefined ? { reasonDetails: l.reason.details } : {}),
    payload: maskedPayload(l.payload),
    headers: l.headers,
    replayable: isReplayable(l),
    audit: audit.map((a) => ({
      at: new Date(a.at).toISOString(),
      actor: a.actor,
      action: a.action,
      details: a.details,
    })),
  };
}
