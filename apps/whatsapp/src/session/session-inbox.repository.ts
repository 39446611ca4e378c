import { Injectable } from '@nestjs/common';
import type { InboundMessageV1 } from '@app/contracts';
import { DataSource } from 'typeorm';

/**
 * Messages taken from a WhatsApp Web session, kept until Kafka has them. WhatsApp Web hands each
 * message over once, so this table (not the source) is what a retry starts from.
 */
@Injectable()
export class SessionInboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** False when a message with the same WhatsApp id is already waiting. */
  async add(envelope: InboundMessageV1): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO session_inbox (message_id, channel_account, source_id, envelope)
       VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT (source_id) DO NOTHING RETURNING message_id`,
      [envelope.messageId, envelope.channelAccount, envelope.sourceId, JSON.stringify(envelope)],
    );
    return rows.length === 1;
  }

  async oldest(limit: number): Promise<InboundMessageV1[]> {
    const rows: { envelope: InboundMessageV1 }[] = await this.dataSource.query(
      `SELECT envelope FROM session_inbox ORDER BY created_at, message_id LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.envelope);
  }

  async remove(messageIds: readonly string[]): Promise<void> {
    await this.dataSource.query(`DELETE FROM session_inbox WHERE message_id = ANY($1::uuid[])`, [
      [...messageIds],
    ]);
  }
}
