import { inboundMessageKey, Topics, type CaseEventV1, type InboundMessageV1 } from '@app/contracts';
import { eventually, produceRaw, readTopic } from './kafka-helpers';
import type { TestEnvironment } from './test-environment';

/** Publishes envelopes as an adapter would: JSON, keyed by channel and sender. */
export async function publish(
  env: TestEnvironment,
  ...messages: InboundMessageV1[]
): Promise<void> {
  await produceRaw(
    env.kafka,
    env.topic(Topics.IntakeMessages),
    messages.map((m) => ({ key: inboundMessageKey(m), value: JSON.stringify(m) })),
  );
}

export interface StoredMessage {
  id: string;
  case_id: string | null;
  customer_id: string | null;
  link_kind: string | null;
  reference: string | null;
}

/** Waits until core has decided the message (it has a case) and returns where it went. */
export function decided(
  env: TestEnvironment,
  messageId: string,
  timeoutMs = 20_000,
): Promise<StoredMessage> {
  return eventually(
    async () => {
      const [row] = await env.sql<StoredMessage>(
        `SELECT m.id, m.case_id, m.customer_id, m.link_kind, c.reference
         FROM core.messages m LEFT JOIN core.cases c ON c.id = m.case_id WHERE m.id = $1`,
        [messageId],
      );
      return row?.case_id ? row : undefined;
    },
    timeoutMs,
    `message ${messageId} to be decided`,
  );
}

/** The case events published so far for a case, in order. */
export async function eventsOf(env: TestEnvironment, caseId: string): Promise<CaseEventV1[]> {
  return (await readTopic(env.kafka, env.topic(Topics.CaseEvents)))
    .map((m) => JSON.parse(m.value) as CaseEventV1)
    .filter((e) => e.caseId === caseId)
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
}

/** Waits for an event of `type` about `caseId`. */
export function eventOf<T extends CaseEventV1['type']>(
  env: TestEnvironment,
  caseId: string,
  type: T,
  where: (e: Extract<CaseEventV1, { type: T }>) => boolean = () => true,
) {
  return eventually(
    async () => {
      const found = (await eventsOf(env, caseId)).filter(
        (e): e is Extract<CaseEventV1, { type: T }> => e.type === type,
      );
      return found.find(where);
    },
    20_000,
    `${type} for case ${caseId}`,
  );
}
