import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface SentMessage {
  providerMessageId: string;
  channelAccount: string;
  replyId: string;
  caseId: string;
  reference: string;
}

/**
 * The id WhatsApp gave each reply we sent. Statuses and reactions name our message only by that
 * id; this table turns it back into the reply and the case.
 */
@Injectable()
export class SentMessageRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(message: SentMessage): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO sent_messages (provider_message_id, channel_account, reply_id, case_id, reference)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (provider_message_id) DO NOTHING`,
      [
        message.providerMessageId,
        message.channelAccount,
        message.replyId,
        message.caseId,
        message.reference,
      ],
    );
  }

  async find(providerMessageIds: readonly string[]): Promise<Map<string, SentMessage>> {
    if (providerMessageIds.length === 0) return new Map();
    const rows: {
      provider_message_id: string;
      channel_account: string;
      reply_id: string;
      case_id: string;
      reference: string;
    }[] = await this.dataSource.query(
      `SELECT provider_message_id, channel_account, reply_id, case_id, reference
         FROM sent_messages WHERE provider_message_id = ANY($1::text[])`,
      [[...new Set(providerMessageIds)]],
    );
    return new Map(
      rows.map((r) => [
        r.provider_message_id,
        {
          providerMessageId: r.provider_message_id,
          channelAccount: r.channel_account,
          replyId: r.reply_id,
          caseId: r.case_id,
          reference: r.reference,
        },
      ]),
    );
  }
}
