import { Injectable } from '@nestjs/common';
import type { InboundMessageV1 } from '@app/contracts';
import type { ConsumedMessage } from '@app/kafka';
import type { EntityManager } from 'typeorm';

type Inbound = ConsumedMessage<'intake.messages.v1'>;

export interface SortedMessages {
  /** First deliveries, in batch order: the ones to decide. */
  fresh: Inbound[];
  /** Redeliveries: of a message already stored, or of one earlier in this batch. */
  duplicates: {
    message: Inbound;
    existingMessageId: string;
    caseId: string | null;
    stored: boolean;
  }[];
}

/** What was decided for a new message, written together with it. */
export interface DecidedMessage {
  inbound: Inbound;
  caseId: string;
  customerId: string;
  /** opened, reference, email_thread, conversation, duplicate. */
  linkKind: string;
  signature: number[];
  /** Redeliveries of it within the same batch. */
  repeats: number;
}

function sourceKey(m: InboundMessageV1): string {
  return `${m.channel}\u0000${m.sourceId}`;
}

/**
 * Fingerprints are stored as raw little-endian int32 bytes: reading them back as `integer[]`
 * text was a tenth of core's CPU time under load.
 */
export function encodeSignature(signature: readonly number[]): string {
  return Buffer.from(Int32Array.from(signature).buffer).toString('base64');
}

export function decodeSignature(bytes: Buffer): number[] {
  return Array.from(
    new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)),
  );
}

@Injectable()
export class MessageRepository {
  /**
   * Tells first deliveries from redeliveries, by (channel, source id): against the database, and
   * within the batch (the first occurrence is the message, later ones are redeliveries of it).
   */
  async sort(em: EntityManager, batch: readonly Inbound[]): Promise<SortedMessages> {
    const rows: { id: string; channel: string; source_id: string; case_id: string | null }[] =
      await em.query(
        `SELECT m.id, m.channel, m.source_id, m.case_id
         FROM messages m JOIN unnest($1::text[], $2::text[]) AS x(channel, source_id)
           ON m.channel = x.channel AND m.source_id = x.source_id`,
        [batch.map((m) => m.value.channel), batch.map((m) => m.value.sourceId)],
      );
    const stored = new Map(rows.map((r) => [`${r.channel}\u0000${r.source_id}`, r]));
    const firstInBatch = new Map<string, Inbound>();
    const sorted: SortedMessages = { fresh: [], duplicates: [] };
    for (const m of batch) {
      const key = sourceKey(m.value);
      const existing = stored.get(key);
      const earlier = firstInBatch.get(key);
      if (existing)
        sorted.duplicates.push({
          message: m,
          existingMessageId: existing.id,
          caseId: existing.case_id,
          stored: true,
        });
      else if (earlier)
        sorted.duplicates.push({
          message: m,
          existingMessageId: earlier.value.messageId,
          caseId: null,
          stored: false,
        });
      else {
        firstInBatch.set(key, m);
        sorted.fresh.push(m);
      }
    }
    return sorted;
  }

  /**
   * Writes new messages once, with their decision. The unique (channel, source_id) constraint is
   * still the judge: a redelivery another consumer wrote after `sort` looked is not inserted, and
   * the number of rows returned says so.
   */
  async insert(em: EntityManager, decided: readonly DecidedMessage[]): Promise<number> {
    if (decided.length === 0) return 0;
    const rows = decided.map(({ inbound: { value: m, partition, offset }, ...d }) => {
      // The text is stored once, as `body`; the envelope column keeps everything else as received.
      const { text: _text, ...envelope } = m;
      return {
        id: m.messageId,
        channel: m.channel,
        channel_account: m.channelAccount,
        source_id: m.sourceId,
        case_id: d.caseId,
        customer_id: d.customerId,
        link_kind: d.linkKind,
        text_signature: encodeSignature(d.signature),
        received_at: m.receivedAt,
        sent_at: m.sentAt ?? null,
        sender: m.sender,
        subject: m.subject ?? null,
        body: m.text,
        language: m.language ?? null,
        envelope,
        kafka_partition: partition,
        kafka_offset: offset,
        duplicate_count: d.repeats,
      };
    });
    const inserted: unknown[] = await em.query(
      `INSERT INTO messages (id, channel, channel_account, source_id, case_id, customer_id, link_kind, text_signature,
                             received_at, sent_at, sender, subject, body, language, envelope, kafka_partition,
                             kafka_offset, duplicate_count, last_duplicate_at)
       SELECT id, channel, channel_account, source_id, case_id, customer_id, link_kind, decode(text_signature, 'base64'),
              received_at, sent_at, sender, subject, body, language, envelope, kafka_partition, kafka_offset,
              duplicate_count, CASE WHEN duplicate_count > 0 THEN now() END
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, channel text, channel_account text, source_id text,
              case_id uuid, customer_id uuid, link_kind text, text_signature text, received_at timestamptz,
              sent_at timestamptz, sender jsonb, subject text, body text, language text, envelope jsonb,
              kafka_partition integer, kafka_offset bigint, duplicate_count integer)
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [JSON.stringify(rows)],
    );
    return inserted.length;
  }

  /** Counts redeliveries of stored messages: nothing else changes. */
  async countRedeliveries(em: EntityManager, messageIds: readonly string[]): Promise<void> {
    if (messageIds.length === 0) return;
    await em.query(
      `UPDATE messages SET duplicate_count = duplicate_count + x.n, last_duplicate_at = now()
         FROM (SELECT id, count(*)::int AS n FROM unnest($1::uuid[]) AS id GROUP BY id) AS x
        WHERE messages.id = x.id`,
      [messageIds],
    );
  }
}
