import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export type ReplyClaim =
  { state: 'new' } | { state: 'sent'; providerMessageId: string | null } | { state: 'in_progress' };

/**
 * Makes sending a reply idempotent: `outbound.replies.v1` is delivered at least once, and a
 * customer must not get the same message twice. A claim that is in progress for longer than
 * `staleAfterMs` (an instance died mid-send) can be taken over.
 */
@Injectable()
export class SentReplyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async claim(replyId: string, holder: string, staleAfterMs = 5 * 60_000): Promise<ReplyClaim> {
    const claimed: unknown[] = await this.dataSource.query(
      `INSERT INTO sent_replies AS s (reply_id, holder, claimed_at) VALUES ($1, $2, now())
       ON CONFLICT (reply_id) DO UPDATE SET holder = EXCLUDED.holder, claimed_at = now()
        WHERE s.sent_at IS NULL AND s.claimed_at < now() - make_interval(secs => $3)
       RETURNING reply_id`,
      [replyId, holder, staleAfterMs / 1000],
    );
    if (claimed.length === 1) return { state: 'new' };
    const [row]: { sent_at: Date | null; provider_message_id: string | null }[] =
      await this.dataSource.query(
        `SELECT sent_at, provider_message_id FROM sent_replies WHERE reply_id = $1`,
        [replyId],
      );
    return row?.sent_at
      ? { state: 'sent', providerMessageId: row.provider_message_id }
      : { state: 'in_progress' };
  }

  async markSent(replyId: string, providerMessageId: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE sent_replies SET sent_at = now(), provider_message_id = $2 WHERE reply_id = $1`,
      [replyId, providerMessageId],
    );
  }

  /** A send that failed for good: the claim is dropped so that a retried request can try again. */
  async release(replyId: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM sent_replies WHERE reply_id = $1 AND sent_at IS NULL`,
      [replyId],
    );
  }
}
