import { Injectable } from '@nestjs/common';
import { keyFor, validatePayload, type TopicName, type TopicPayload } from '@app/contracts';
import type { OutgoingMessage } from '@app/kafka';
import type { EntityManager } from 'typeorm';
import { CoreException } from '../core.exception';

export interface OutboxRow extends OutgoingMessage {
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
    // Checked against the contract here, once: the relay then publishes the stored JSON untouched.
    const keys = payloads.map((payload) => {
      const checked = validatePayload(topic, payload);
      if (!checked.ok) {
        throw new CoreException(
          'event_contract_violation',
          `event for ${topic} breaks its contract`,
          false,
          checked.issues,
        );
      }
      return keyFor(topic, checked.value);
    });
    await em.query(
      `INSERT INTO outbox (topic, message_key, payload)
       SELECT $1, k, v FROM unnest($2::text[], $3::jsonb[]) WITH ORDINALITY AS t(k, v, n) ORDER BY n`,
      [topic, keys, payloads.map((p) => JSON.stringify(p))],
    );
  }

  /**
   * Oldest pending events after `afterId` first; meant to be called under the relay's lock.
   * Starting after what was already relayed skips the deleted rows a queue table's index is full
   * of between two vacuums.
   */
  async pending(em: EntityManager, afterId: string, limit: number): Promise<OutboxRow[]> {
    return em.query(
      `SELECT id::text AS id, topic, message_key AS key, payload::text AS value
         FROM outbox WHERE failed_at IS NULL AND id > $1::bigint ORDER BY id LIMIT $2`,
      [afterId, limit],
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
