import { Injectable } from '@nestjs/common';
import { validatePayload, type TopicName, type TopicPayload } from '@app/contracts';
import type { Publication } from '@app/kafka';
import type { EntityManager } from 'typeorm';
import { CoreException } from '../core.exception';

export interface OutboxRow extends Publication {
  id: string;
}

/**
 * The transactional outbox: events are written in the same transaction as the change they
 * describe and published by the OutboxRelay afterwards, so an event exists if and only if the
 * change committed.
 */
@Injectable()
export class OutboxRepository {
  async enqueue<T extends TopicName>(
    em: EntityManager,
    topic: T,
    payloads: readonly TopicPayload<T>[],
  ): Promise<void> {
    if (payloads.length === 0) return;
    for (const payload of payloads) {
      const checked = validatePayload(topic, payload);
      if (!checked.ok)
        throw new CoreException(
          'event_contract_violation',
          `event for ${topic} breaks its contract`,
          false,
          checked.issues,
        );
    }
    await em.query(
      `INSERT INTO outbox (topic, payload) SELECT $1, value FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t(value, n) ORDER BY n`,
      [topic, JSON.stringify(payloads)],
    );
  }

  /** Oldest pending events first; meant to be called under the relay's lock. */
  async pending(em: EntityManager, limit: number): Promise<OutboxRow[]> {
    return em.query(
      `SELECT id::text AS id, topic, payload FROM outbox WHERE failed_at IS NULL ORDER BY id LIMIT $1`,
      [limit],
    );
  }

  async remove(em: EntityManager, ids: readonly string[]): Promise<void> {
    await em.query(`DELETE FROM outbox WHERE id = ANY($1::bigint[])`, [ids]);
  }

  /** An event Kafka refuses for good is set aside (and visible) rather than blocking the rest. */
  async markFailed(em: EntityManager, id: string, error: string): Promise<void> {
    await em.query(`UPDATE outbox SET failed_at = now(), last_error = $2 WHERE id = $1`, [
      id,
      error,
    ]);
  }

  /** Takes the relay lock for this transaction; false when another instance holds it. */
  async tryLock(em: EntityManager): Promise<boolean> {
    const [row]: { locked: boolean }[] = await em.query(
      `SELECT pg_try_advisory_xact_lock(hashtext('outbox-relay')) AS locked`,
    );
    return row.locked;
  }
}
