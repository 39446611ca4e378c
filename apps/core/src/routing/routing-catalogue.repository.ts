import type { DataSource } from 'typeorm';
import type { Region, RoutingCatalogue, Store } from './routing-catalogue';

interface RegionRow {
  code: string;
  name: string;
  contacts: string[];
  manager_id: string | null;
  manager_name: string | null;
  manager_email: string | null;
  manager_phone: string | null;
}

interface StoreRow {
  code: string;
  name: string;
  aliases: string[];
  city: string;
  district: string;
  region_code: string;
  contacts: string[];
}

/** Reads what the store resolver routes with. Plain class: the core wraps it as a provider. */
export class RoutingCatalogueRepository {
  async load(dataSource: DataSource): Promise<RoutingCatalogue> {
    const regionRows: RegionRow[] = await dataSource.query(
      `SELECT r.code, r.name, r.contacts,
              m.id AS manager_id, m.name AS manager_name, m.email AS manager_email, m.phone AS manager_phone
         FROM regions r
         LEFT JOIN managers m ON m.id = r.manager_id
        WHERE r.active
        ORDER BY r.code`,
    );
    // A store of a deactivated region has nobody to go to, so it is not routable either.
    const storeRows: StoreRow[] = await dataSource.query(
      `SELECT s.code, s.name, s.aliases, s.city, s.district, s.region_code, s.contacts
         FROM stores s
         JOIN regions r ON r.code = s.region_code AND r.active
        WHERE s.active
        ORDER BY s.code`,
    );
    return {
      regions: regionRows.map(toRegion),
      stores: storeRows.map(toStore),
    };
  }
}

function toRegion(row: RegionRow): Region {
  return {
    code: row.code,
    name: row.name,
    contacts: row.contacts,
    manager:
      row.manager_id === null
        ? null
        : {
            id: row.manager_id,
            name: row.manager_name ?? '',
            email: row.manager_email ?? '',
            phone: row.manager_phone,
          },
  };
}

function toStore(row: StoreRow): Store {
  return {
    code: row.code,
    name: row.name,
    aliases: row.aliases,
    city: row.city,
    district: row.district,
    regionCode: row.region_code,
    contacts: row.contacts,
  };
}
