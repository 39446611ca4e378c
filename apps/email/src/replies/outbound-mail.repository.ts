import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { messageIdKey } from '../parsing/message-ids';

export interface OutboundMailRecord {
  replyId: string;
  caseId: string;
  channelAccount: string;
  messageId: string;
}

/** The replies sent by e-mail, by their Message-ID: how a bounce finds its reply and case. */
@Injectable()
export class OutboundMailRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Registers the Message-ID before sending: a bounce may arrive before we record success. */
  async prepare(mail: OutboundMailRecord): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO outbound_mails (reply_id, message_id, case_id, channel_account)
       VALUES ($1, $2, $3, $4) ON CONFLICT (reply_id) DO NOTHING`,
      [mail.replyId, messageIdKey(mail.messageId), mail.caseId, mail.channelAccount],
    );
  }

  /** Counts a failed try; returns how many tries have failed so far. */
  async failedAttempt(replyId: string, code: string): Promise<number> {
    const rows: { attempts: number }[] = await this.dataSource.query(
      // Wrapped in a CTE: TypeORM hands back plain rows for a SELECT, not for a bare UPDATE.
      `WITH counted AS (
         UPDATE outbound_mails SET attempts = attempts + 1, last_error_code = $2
         WHERE reply_id = $1 RETURNING attempts)
       SELECT attempts FROM counted`,
      [replyId, code],
    );
    return rows[0]?.attempts ?? 1;
  }

  async markSent(replyId: string): Promise<void> {
    await this.dataSource.query(`UPDATE outbound_mails SET sent_at = now() WHERE reply_id = $1`, [
      replyId,
    ]);
  }

  /** The first of `messageIds` that is one of our sent replies, marked bounced. */
  async bounced(messageIds: readonly string[]): Promise<OutboundMailRecord | undefined> {
    if (messageIds.length === 0) return undefined;
    const rows: {
      reply_id: string;
      case_id: string;
      channel_account: string;
      message_id: string;
    }[] = await this.dataSource.query(
      `WITH bounced AS (
         UPDATE outbound_mails SET bounced_at = coalesce(bounced_at, now())
         WHERE message_id = ANY($1::text[])
         RETURNING reply_id, case_id, channel_account, message_id)
       SELECT * FROM bounced`,
      [messageIds.map(messageIdKey)],
    );
    const row = rows[0];
    return row
      ? {
          replyId: row.reply_id,
          caseId: row.case_id,
          channelAccount: row.channel_account,
          messageId: `<${row.message_id}>`,
        }
      : undefined;
  }
}
