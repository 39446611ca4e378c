import { Injectable } from '@nestjs/common';
import type { InboundMessageV1 } from '@app/contracts';
import type { ConsumedMessage } from '@app/kafka';
import type { EntityManager } from 'typeorm';

type Inbound = ConsumedMessage<'intake.messages.v1'>;

export interface RecordedMessages {
  /** Messages seen for the first time, in batch order. */
  fresh: Inbound[];
  /** Redeliveries: the message as it arrived now, and the case its first delivery belongs to. */
  duplicates: { message: Inbound; existingMessageId: string; caseId: string | null }[];
}

function sourceKey(m: InboundMessageV1): string {
  return `${m.channel}\u0000${m.sourceId}`;
}

@Injectable()
export class MessageRepository {
  /**
   * Inserts the batch's messages; the unique (channel, source_id) constraint decides which are
   * new, so two instances racing on a redelivery cannot both win. A redelivery increments the
   * stored message's duplicate counter and creates nothing else.
   */
  async record(em: EntityManager, batch: readonly Inbound[]): Promise<RecordedMessages> {
    // The same source twice in one INSERT would make ON CONFLICT touch a row twice (an error):
    // the first occurrence is inserted, later ones are duplicates of it.
    const firstBySource = new Map<string, Inbound>();
    const repeatsInBatch: Inbound[] = [];
    for (const m of batch) {
      const key = sourceKey(m.value);
      if (firstBySource.has(key)) repeatsInBatch.push(m);
      else firstBySource.set(key, m);
    }
    const rows = [...firstBySource.values()].map((m) => ({
      id: m.value.messageId,
      channel: m.value.channel,
      channel_account: m.value.channelAccount,
      source_id: m.value.sourceId,
      received_at: m.value.receivedAt,
      sent_at: m.value.sentAt ?? null,
      sender: m.value.sender,
      subject: m.value.subject ?? null,
      body: m.value.text,
      language: m.value.language ?? null,
      envelope: m.value,
      kafka_partition: m.partition,
      kafka_offset: m.offset,
    }));
    const returned: {
      id: string;
      channel: string;
      source_id: string;
      case_id: string | null;
      inserted: boolean;
    }[] = await em.query(
      `INSERT INTO messages (id, channel, channel_account, source_id, received_at, sent_at, sender, subject, body,
                               language, envelope, kafka_partition, kafka_offset)
         SELECT id, channel, channel_account, source_id, received_at, sent_at, sender, subject, body,
                language, envelope, kafka_partition, kafka_offset
           FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, channel text, channel_account text, source_id text,
                received_at timestamptz, sent_at timestamptz, sender jsonb, subject text, body text,
                language text, envelope jsonb, kafka_partition integer, kafka_offset bigint)
         ON CONFLICT (channel, source_id) DO UPDATE
            SET duplicate_count = messages.duplicate_count + 1, last_duplicate_at = now()
         RETURNING id, channel, source_id, case_id, (xmax = 0) AS inserted`,
      [JSON.stringify(rows)],
    );
    const stored = new Map(returned.map((r) => [`${r.channel}\u0000${r.source_id}`, r]));
    const result: RecordedMessages = { fresh: [], duplicates: [] };
    for (const m of firstBySource.values()) {
      const row = stored.get(sourceKey(m.value))!;
      if (row.inserted) result.fresh.push(m);
      else result.duplicates.push({ message: m, existingMessageId: row.id, caseId: row.case_id });
    }
    for (const m of repeatsInBatch) {
      const row = stored.get(sourceKey(m.value))!;
      result.duplicates.push({ message: m, existingMessageId: row.id, caseId: row.case_id });
    }
    if (repeatsInBatch.length > 0) {
      await em.query(
        `UPDATE messages SET duplicate_count = duplicate_count + x.n, last_duplicate_at = now()
           FROM (SELECT id, count(*)::int AS n FROM unnest($1::uuid[]) AS id GROUP BY id) AS x
          WHERE messages.id = x.id`,
        [repeatsInBatch.map((m) => stored.get(sourceKey(m.value))!.id)],
      );
    }
    return result;
  }

  async assignCases(
    em: EntityManager,
    pairs: { messageId: string; caseId: string }[],
  ): Promise<void> {
    if (pairs.length === 0) return;
    await em.query(
      `UPDATE messages SET case_id = x.case_id
         FROM jsonb_to_recordset($1::jsonb) AS x(message_id uuid, case_id uuid)
        WHERE messages.id = x.message_id`,
      [JSON.stringify(pairs.map((p) => ({ message_id: p.messageId, case_id: p.caseId })))],
    );
  }
}
