import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface Acknowledged {
  caseId: string;
  at: Date;
  /** Acknowledged after the 6-working-hour target. */
  late: boolean;
}

@Injectable()
export class AcknowledgementRepository {
  /**
   * Records the first acknowledgement of each case and whether it met its SLA target, one
   * statement for a whole batch. Later ones (a second "sent", the e-mail after the web form's
   * page) change nothing and are not in the answer.
   */
  async markAcknowledged(
    em: EntityManager,
    asks: readonly { caseId: string; at: Date; via: string }[],
  ): Promise<Acknowledged[]> {
    if (asks.length === 0) return [];
    // The first ask per case wins, as it would one by one.
    const byCase = new Map<string, (typeof asks)[number]>();
    for (const a of asks) if (!byCase.has(a.caseId)) byCase.set(a.caseId, a);
    const first = [...byCase.values()];
    // TypeORM answers an UPDATE ... RETURNING with [rows, affected count].
    const [rows]: [{ id: string; late: boolean; at: Date }[], number] = await em.query(
      `UPDATE cases c SET acknowledged_at = x.at, acknowledged_via = x.via,
              acknowledged_late = x.at > c.acknowledge_due_at, updated_at = now()
         FROM unnest($1::uuid[], $2::timestamptz[], $3::text[]) AS x(id, at, via)
        WHERE c.id = x.id AND c.acknowledged_at IS NULL
        RETURNING c.id, c.acknowledged_late AS late, x.at`,
      [first.map((a) => a.caseId), first.map((a) => a.at.toISOString()), first.map((a) => a.via)],
    );
    return rows.map((r) => ({ caseId: r.id, at: new Date(r.at), late: r.late }));
  }

  /** The acknowledgement replies among these, with their case. */
  async acknowledgementReplies(
    em: EntityManager,
    replyIds: readonly string[],
  ): Promise<Map<string, { caseId: string; channel: string }>> {
    if (replyIds.length === 0) return new Map();
    const rows: { reply_id: string; case_id: string; channel: string }[] = await em.query(
      `SELECT reply_id, case_id, channel FROM case_replies
        WHERE reply_id = ANY($1::uuid[]) AND kind = 'acknowledgement'`,
      [replyIds],
    );
    return new Map(rows.map((r) => [r.reply_id, { caseId: r.case_id, channel: r.channel }]));
  }
}
