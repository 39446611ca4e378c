import type { EntityManager } from 'typeorm';

export interface ManagerRow {
  id: string;
  name: string;
  email: string;
  phone: string | null;
}

export interface RegionRow {
  code: string;
  name: string;
  manager_id: string | null;
  contacts: string[];
  active: boolean;
}

export interface StoreRow {
  code: string;
  name: string;
  aliases: string[];
  city: string;
  district: string;
  region_code: string;
  contacts: string[];
  active: boolean;
}

export type RegionWrite = Omit<RegionRow, 'active'>;
export type StoreWrite = Omit<StoreRow, 'active'>;

/** The catalogue importer's queries. Every method runs in the caller's transaction. */
export class StoresRepository {
  /** Serializes imports: the second waits for the first to commit, then sees its result. */
  async lock(em: EntityManager): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('core:routing-catalogue-import'))`);
  }

  async regions(em: EntityManager): Promise<RegionRow[]> {
    return em.query(`SELECT code, name, manager_id, contacts, active FROM regions ORDER BY code`);
  }

  async stores(em: EntityManager): Promise<StoreRow[]> {
    return em.query(
      `SELECT code, name, aliases, city, district, region_code, contacts, active FROM stores ORDER BY code`,
    );
  }

  async managersByEmail(em: EntityManager, emails: readonly string[]): Promise<ManagerRow[]> {
    if (emails.length === 0) return [];
    return em.query(`SELECT id, name, email, phone FROM managers WHERE email = ANY($1::text[])`, [
      emails,
    ]);
  }

  /** Inserts or updates by e-mail; returns e-mail -> id as stored. */
  async upsertManagers(
    em: EntityManager,
    managers: readonly ManagerRow[],
  ): Promise<Map<string, string>> {
    if (managers.length === 0) return new Map();
    const rows: { id: string; email: string }[] = await em.query(
      `INSERT INTO managers (id, name, email, phone, updated_at)
       SELECT id, name, email, phone, now()
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, name text, email text, phone text)
       ON CONFLICT (email) DO UPDATE
         SET name = EXCLUDED.name, phone = EXCLUDED.phone, updated_at = now()
       RETURNING id, email`,
      [JSON.stringify(managers)],
    );
    return new Map(rows.map((r) => [r.email, r.id]));
  }

  async upsertRegions(em: EntityManager, regions: readonly RegionWrite[]): Promise<void> {
    if (regions.length === 0) return;
    await em.query(
      `INSERT INTO regions (code, name, manager_id, contacts, active, updated_at)
       SELECT code, name, manager_id, contacts, true, now()
         FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text, manager_id uuid, contacts text[])
       ON CONFLICT (code) DO UPDATE
         SET name = EXCLUDED.name, manager_id = EXCLUDED.manager_id, contacts = EXCLUDED.contacts,
             active = true, updated_at = now()`,
      [JSON.stringify(regions)],
    );
  }

  async upsertStores(em: EntityManager, stores: readonly StoreWrite[]): Promise<void> {
    if (stores.length === 0) return;
    await em.query(
      `INSERT INTO stores (code, name, aliases, city, district, region_code, contacts, active, updated_at)
       SELECT code, name, aliases, city, district, region_code, contacts, true, now()
         FROM jsonb_to_recordset($1::jsonb)
           AS x(code text, name text, aliases text[], city text, district text, region_code text, contacts text[])
       ON CONFLICT (code) DO UPDATE
         SET name = EXCLUDED.name, aliases = EXCLUDED.aliases, city = EXCLUDED.city,
             district = EXCLUDED.district, region_code = EXCLUDED.region_code,
             contacts = EXCLUDED.contacts, active = true, updated_at = now()`,
      [JSON.stringify(stores)],
    );
  }

  /** Deactivated, never deleted: cases keep pointing at them. */
  async deactivateRegions(em: EntityManager, codes: readonly string[]): Promise<void> {
    if (codes.length === 0) return;
    await em.query(
      `UPDATE regions SET active = false, updated_at = now() WHERE code = ANY($1::text[])`,
      [codes],
    );
  }

  async deactivateStores(em: EntityManager, codes: readonly string[]): Promise<void> {
    if (codes.length === 0) return;
    await em.query(
      `UPDATE stores SET active = false, updated_at = now() WHERE code = ANY($1::text[])`,
      [codes],
    );
  }
}
