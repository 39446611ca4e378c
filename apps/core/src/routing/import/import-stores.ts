import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { parseStoresFile, type FileProblem } from './parse-stores-file';
import type { StoresFile } from './stores-file.schema';
import {
  StoresRepository,
  type ManagerRow,
  type RegionRow,
  type RegionWrite,
  type StoreRow,
  type StoreWrite,
} from './stores.repository';

export interface ChangeSet {
  created: string[];
  updated: string[];
  unchanged: string[];
}

export interface ImportReport {
  regions: ChangeSet & { deactivated: string[] };
  stores: ChangeSet & { deactivated: string[] };
  /** By manager id: e-mail addresses and names are personal data and stay out of reports. */
  managers: ChangeSet;
}

export type ImportStoresResult =
  | {
      ok: true;
      report: ImportReport;
      /** Set when `onlyIntoEmptyCatalogue` found regions already there; the report is empty. */
      skipped?: 'catalogue_not_empty';
    }
  | { ok: false; problems: FileProblem[] };

export interface ImportStoresOptions {
  /**
   * Import only when the database has no region at all, active or not: how the quick start
   * loads the sample without undoing a catalogue someone has imported since.
   */
  onlyIntoEmptyCatalogue?: boolean;
}

/**
 * Loads a stores file into the catalogue, all or nothing, in one transaction under an advisory
 * lock: managers are upserted by e-mail, regions and stores by code; regions and stores missing
 * from the file are deactivated, never deleted, because cases point at them. A region that is not
 * in the file but that a store of the file still names stays as it is. Only rows that differ are
 * written, so importing the same file again changes nothing and reports everything unchanged.
 */
export async function importStores(
  dataSource: DataSource,
  text: string,
  options: ImportStoresOptions = {},
  repository = new StoresRepository(),
): Promise<ImportStoresResult> {
  return dataSource.transaction(async (em) => {
    await repository.lock(em);
    const existingRegions = await repository.regions(em);
    if (options.onlyIntoEmptyCatalogue && existingRegions.length > 0)
      return { ok: true, report: emptyReport(), skipped: 'catalogue_not_empty' };
    const activeRegionCodes = new Set(existingRegions.filter((r) => r.active).map((r) => r.code));
    const parsed = parseStoresFile(text, { activeRegionCodes });
    if (!parsed.ok) return parsed;
    const report = await apply(em, repository, parsed.file, existingRegions);
    return { ok: true, report };
  });
}

async function apply(
  em: EntityManager,
  repository: StoresRepository,
  file: StoresFile,
  existingRegions: readonly RegionRow[],
): Promise<ImportReport> {
  const managers = await applyManagers(em, repository, file);

  const regionWrites: RegionWrite[] = file.regions.map((r) => ({
    code: r.code,
    name: r.name,
    manager_id: managers.idByEmail.get(r.manager.email) ?? null,
    contacts: r.contacts,
  }));
  const referenced = new Set(file.stores.map((s) => s.regionCode));
  const regions = diff(existingRegions, regionWrites, sameRegion, (r) => !referenced.has(r.code));

  const storeWrites: StoreWrite[] = file.stores.map((s) => ({
    code: s.code,
    name: s.name,
    aliases: s.aliases,
    city: s.city,
    district: s.district,
    region_code: s.regionCode,
    contacts: s.contacts,
  }));
  const stores = diff(await repository.stores(em), storeWrites, sameStore, () => true);

  // Regions first: stores reference them.
  await repository.upsertRegions(em, regions.writes);
  await repository.upsertStores(em, stores.writes);
  await repository.deactivateStores(em, stores.report.deactivated);
  await repository.deactivateRegions(em, regions.report.deactivated);
  return { regions: regions.report, stores: stores.report, managers: managers.report };
}

async function applyManagers(
  em: EntityManager,
  repository: StoresRepository,
  file: StoresFile,
): Promise<{ idByEmail: Map<string, string>; report: ChangeSet }> {
  // The parser has checked that one e-mail always comes with the same name and phone.
  const wanted = new Map(file.regions.map((r) => [r.manager.email, r.manager]));
  const existing = new Map(
    (await repository.managersByEmail(em, [...wanted.keys()])).map((m) => [m.email, m]),
  );
  const report: ChangeSet = { created: [], updated: [], unchanged: [] };
  const writes: ManagerRow[] = [];
  const idByEmail = new Map<string, string>();
  for (const [email, manager] of wanted) {
    const row: ManagerRow = {
      id: existing.get(email)?.id ?? randomUUID(),
      name: manager.name,
      email,
      phone: manager.phone ?? null,
    };
    const before = existing.get(email);
    idByEmail.set(email, row.id);
    if (!before) report.created.push(row.id);
    else if (before.name === row.name && before.phone === row.phone) {
      report.unchanged.push(row.id);
      continue;
    } else report.updated.push(row.id);
    writes.push(row);
  }
  for (const [email, id] of await repository.upsertManagers(em, writes)) idByEmail.set(email, id);
  return { idByEmail, report: sortChangeSet(report) };
}

/**
 * Compares what the file wants with what the database has. `mayDeactivate` says whether an
 * active row missing from the file is to be deactivated.
 */
function diff<Existing extends { code: string; active: boolean }, Write extends { code: string }>(
  existing: readonly Existing[],
  wanted: readonly Write[],
  same: (before: Existing, after: Write) => boolean,
  mayDeactivate: (row: Existing) => boolean,
): { writes: Write[]; report: ChangeSet & { deactivated: string[] } } {
  const byCode = new Map(existing.map((row) => [row.code, row]));
  const wantedCodes = new Set(wanted.map((row) => row.code));
  const report = { created: [] as string[], updated: [] as string[], unchanged: [] as string[] };
  const writes: Write[] = [];
  for (const row of wanted) {
    const before = byCode.get(row.code);
    if (!before) report.created.push(row.code);
    else if (before.active && same(before, row)) {
      report.unchanged.push(row.code);
      continue;
    } else report.updated.push(row.code);
    writes.push(row);
  }
  const deactivated = existing
    .filter((row) => row.active && !wantedCodes.has(row.code) && mayDeactivate(row))
    .map((row) => row.code);
  return { writes, report: { ...sortChangeSet(report), deactivated: deactivated.sort() } };
}

function emptyReport(): ImportReport {
  const none = (): ChangeSet => ({ created: [], updated: [], unchanged: [] });
  return {
    regions: { ...none(), deactivated: [] },
    stores: { ...none(), deactivated: [] },
    managers: none(),
  };
}

function sameRegion(before: RegionRow, after: RegionWrite): boolean {
  return (
    before.name === after.name &&
    before.manager_id === after.manager_id &&
    sameList(before.contacts, after.contacts)
  );
}

function sameStore(before: StoreRow, after: StoreWrite): boolean {
  return (
    before.name === after.name &&
    before.city === after.city &&
    before.district === after.district &&
    before.region_code === after.region_code &&
    sameList(before.aliases, after.aliases) &&
    sameList(before.contacts, after.contacts)
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function sortChangeSet(set: ChangeSet): ChangeSet {
  return {
    created: [...set.created].sort(),
    updated: [...set.updated].sort(),
    unchanged: [...set.unchanged].sort(),
  };
}
