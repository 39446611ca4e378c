import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Identity } from './customer-identity';

export interface NewCustomer {
  id: string;
  displayName: string | null;
  language: string | null;
}

@Injectable()
export class CustomerRepository {
  /** Owner of each identity that exists. Keys are `kind:value`. */
  async owners(em: EntityManager, identities: readonly Identity[]): Promise<Map<string, string>> {
    if (identities.length === 0) return new Map();
    const rows: { kind: string; value: string; customer_id: string }[] = await em.query(
      `SELECT i.kind, i.value, i.customer_id
         FROM customer_identities i
         JOIN unnest($1::text[], $2::text[]) AS x(kind, value) ON i.kind = x.kind AND i.value = x.value`,
      [identities.map((i) => i.kind), identities.map((i) => i.value)],
    );
    return new Map(rows.map((r) => [`${r.kind}:${r.value}`, r.customer_id]));
  }

  async insertCustomers(em: EntityManager, customers: readonly NewCustomer[]): Promise<void> {
    if (customers.length === 0) return;
    await em.query(
      `INSERT INTO customers (id, display_name, language)
       SELECT id, display_name, language FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, display_name text, language text)`,
      [
        JSON.stringify(
          customers.map((c) => ({ id: c.id, display_name: c.displayName, language: c.language })),
        ),
      ],
    );
  }

  /**
   * Links identities to customers. An identity another transaction linked in the meantime is left
   * as it is; its key is returned so the caller can reconcile (merge) the two customers.
   */
  async link(
    em: EntityManager,
    links: readonly (Identity & { customerId: string })[],
  ): Promise<Set<string>> {
    if (links.length === 0) return new Set();
    // One order for every instance: two batches linking overlapping identities wait for each
    // other instead of deadlocking.
    links = [...links].sort((a, b) =>
      a.kind === b.kind ? (a.value < b.value ? -1 : 1) : a.kind < b.kind ? -1 : 1,
    );
    const inserted: { kind: string; value: string }[] = await em.query(
      `INSERT INTO customer_identities (kind, value, customer_id)
       SELECT kind, value, customer_id FROM unnest($1::text[], $2::text[], $3::uuid[]) AS x(kind, value, customer_id)
       ON CONFLICT (kind, value) DO NOTHING
       RETURNING kind, value`,
      [links.map((l) => l.kind), links.map((l) => l.value), links.map((l) => l.customerId)],
    );
    const done = new Set(inserted.map((r) => `${r.kind}:${r.value}`));
    return new Set(links.map((l) => `${l.kind}:${l.value}`).filter((k) => !done.has(k)));
  }

  /**
   * A customer this transaction created a moment ago lost the race for an identity to another
   * instance's: its identities go to the winner and it disappears (nothing refers to it yet).
   */
  async abandon(em: EntityManager, ours: string, theirs: string): Promise<void> {
    await em.query(`UPDATE customer_identities SET customer_id = $2 WHERE customer_id = $1`, [
      ours,
      theirs,
    ]);
    await em.query(`DELETE FROM customers WHERE id = $1`, [ours]);
  }

  /** Of several customers found to be one person, the one known longest survives. */
  async oldest(em: EntityManager, ids: readonly string[]): Promise<string> {
    const [row]: { id: string }[] = await em.query(
      `SELECT id FROM customers WHERE id = ANY($1::uuid[]) ORDER BY created_at, id LIMIT 1`,
      [ids],
    );
    return row.id;
  }

  /** Moves everything of `losers` to `survivor` and leaves a pointer behind. */
  async merge(em: EntityManager, survivor: string, losers: readonly string[]): Promise<void> {
    await em.query(
      `UPDATE customer_identities SET customer_id = $1 WHERE customer_id = ANY($2::uuid[])`,
      [survivor, losers],
    );
    await em.query(`UPDATE cases SET customer_id = $1 WHERE customer_id = ANY($2::uuid[])`, [
      survivor,
      losers,
    ]);
    await em.query(`UPDATE messages SET customer_id = $1 WHERE customer_id = ANY($2::uuid[])`, [
      survivor,
      losers,
    ]);
    await em.query(
      `UPDATE customers SET merged_into = $1 WHERE id = ANY($2::uuid[]) OR merged_into = ANY($2::uuid[])`,
      [survivor, losers],
    );
  }
}
