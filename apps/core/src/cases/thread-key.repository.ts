import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Keys by which later messages find their case: e-mail Message-IDs, the customer's and ours
 * (the e-mail adapter adds the ids of the replies it sends). The first case to claim a key keeps it.
 */
@Injectable()
export class ThreadKeyRepository {
  async insert(
    em: EntityManager,
    keys: readonly { kind: string; value: string; caseId: string }[],
  ): Promise<void> {
    if (keys.length === 0) return;
    await em.query(
      `INSERT INTO thread_keys (kind, value, case_id)
       SELECT kind, value, case_id FROM unnest($1::text[], $2::text[], $3::uuid[]) AS x(kind, value, case_id)
       ON CONFLICT DO NOTHING`,
      [keys.map((k) => k.kind), keys.map((k) => k.value), keys.map((k) => k.caseId)],
    );
  }
}
