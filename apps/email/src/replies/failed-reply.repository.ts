import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The replies already reported `failed` to core: each is reported once, never tried again. */
@Injectable()
export class FailedReplyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Which of `replyIds` were reported failed before: one query for a whole batch. */
  async reportedAmong(replyIds: readonly string[]): Promise<Set<string>> {
    if (replyIds.length === 0) return new Set();
    const rows: { reply_id: string }[] = await this.dataSource.query(
      `SELECT reply_id FROM failed_replies WHERE reply_id = ANY($1::uuid[])`,
      [[...new Set(replyIds)]],
    );
    return new Set(rows.map((r) => r.reply_id));
  }

  async record(reply: { replyId: string; caseId: string }, errorCode: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO failed_replies (reply_id, case_id, error_code) VALUES ($1, $2, $3)
       ON CONFLICT (reply_id) DO NOTHING`,
      [reply.replyId, reply.caseId, errorCode],
    );
  }
}
