import { dataSourceOptions, migrateDatabase } from '@app/persistence';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { coreDatabaseOptions } from '../../apps/core/src/database/core-database';
import { importStores, type ImportReport } from '../../apps/core/src/routing/import/import-stores';
import { formatProblem } from '../../apps/core/src/routing/import/parse-stores-file';
import { RoutingCatalogueRepository } from '../../apps/core/src/routing/routing-catalogue.repository';
import { TestEnvironment } from '../support/test-environment';

const SEED_TEXT = readFileSync(
  join(__dirname, '..', '..', 'deploy', 'seed', 'stores.json'),
  'utf8',
);
const seed = () => JSON.parse(SEED_TEXT);

/** Every row of the catalogue tables, to show that a rejected import changed nothing. */
async function snapshot(env: TestEnvironment): Promise<unknown[]> {
  return Promise.all([
    env.sql(`SELECT * FROM core.managers ORDER BY email`),
    env.sql(`SELECT * FROM core.regions ORDER BY code`),
    env.sql(`SELECT * FROM core.stores ORDER BY code`),
  ]);
}

describe('importing the stores file into PostgreSQL', () => {
  const env = new TestEnvironment('routing_import');
  let dataSource: DataSource;

  const run = async (content: unknown): Promise<ImportReport> => {
    const text = typeof content === 'string' ? content : JSON.stringify(content, null, 2);
    const result = await importStores(dataSource, text);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    return result.report;
  };

  beforeAll(async () => {
    const options = coreDatabaseOptions({ database: { url: env.databaseUrl, poolSize: 2 } });
    await migrateDatabase(options);
    dataSource = new DataSource(dataSourceOptions({ ...options, poolSize: 4 }));
    await dataSource.initialize();
  }, 60_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await env.destroy();
  }, 60_000);

  it('creates every region, store and manager of the seed', async () => {
    const file = seed();
    const report = await run(SEED_TEXT);
    expect(report.regions).toEqual({
      created: ['AKD', 'DGA', 'EGE', 'GDA', 'ICA', 'KRD', 'MAR'],
      updated: [],
      unchanged: [],
      deactivated: [],
    });
    expect(report.stores.created).toHaveLength(file.stores.length);
    expect(report.stores.created).toContain('IST-KDK-01');
    expect(report.managers.created).toHaveLength(7);

    const [kadikoy] = await env.sql<{ contacts: string[]; region_code: string; active: boolean }>(
      `SELECT contacts, region_code, active FROM core.stores WHERE code = 'IST-KDK-01'`,
    );
    expect(kadikoy).toEqual({
      contacts: ['kadikoy@ornekmagaza.com.tr', '+902160001101'],
      region_code: 'MAR',
      active: true,
    });

    const catalogue = await new RoutingCatalogueRepository().load(dataSource);
    expect(catalogue.regions).toHaveLength(7);
    expect(catalogue.stores).toHaveLength(file.stores.length);
    const marmara = catalogue.regions.find((r) => r.code === 'MAR')!;
    expect(marmara.manager).toMatchObject({
      email: 'elif.yildirim@ornekmagaza.com.tr',
      phone: '+905320000101',
    });
    expect(marmara.contacts).toContain('marmara@ornekmagaza.com.tr');
  });

  it('reports everything unchanged the second time, and writes nothing', async () => {
    const [before] = await env.sql<{ latest: Date }>(
      `SELECT greatest((SELECT max(updated_at) FROM core.stores), (SELECT max(updated_at) FROM core.regions),
                       (SELECT max(updated_at) FROM core.managers)) AS latest`,
    );
    const report = await run(SEED_TEXT);
    expect(report.regions.unchanged).toHaveLength(7);
    expect(report.stores.unchanged).toHaveLength(seed().stores.length);
    expect(report.managers.unchanged).toHaveLength(7);
    for (const changes of [report.regions, report.stores, report.managers]) {
      expect(changes.created).toEqual([]);
      expect(changes.updated).toEqual([]);
    }
    expect(report.regions.deactivated).toEqual([]);
    expect(report.stores.deactivated).toEqual([]);
    const [after] = await env.sql<{ latest: Date }>(
      `SELECT greatest((SELECT max(updated_at) FROM core.stores), (SELECT max(updated_at) FROM core.regions),
                       (SELECT max(updated_at) FROM core.managers)) AS latest`,
    );
    expect(after.latest).toEqual(before.latest);
  });

  it('reports exactly the edited store and the one left out, which is deactivated', async () => {
    const file = seed();
    const kadikoy = file.stores.find((s: any) => s.code === 'IST-KDK-01');
    kadikoy.aliases = [...kadikoy.aliases, 'Kadıköy Altıyol'];
    file.stores = file.stores.filter((s: any) => s.code !== 'ISP-MRK-01');

    const report = await run(file);
    expect(report.stores.updated).toEqual(['IST-KDK-01']);
    expect(report.stores.deactivated).toEqual(['ISP-MRK-01']);
    expect(report.stores.created).toEqual([]);
    expect(report.stores.unchanged).toHaveLength(file.stores.length - 1);
    expect(report.regions.unchanged).toHaveLength(7);
    expect(report.managers.unchanged).toHaveLength(7);

    const rows = await env.sql<{ code: string; active: boolean }>(
      `SELECT code, active FROM core.stores WHERE code IN ('ISP-MRK-01', 'IST-KDK-01') ORDER BY code`,
    );
    expect(rows).toEqual([
      { code: 'ISP-MRK-01', active: false },
      { code: 'IST-KDK-01', active: true },
    ]);
    const catalogue = await new RoutingCatalogueRepository().load(dataSource);
    expect(catalogue.stores.map((s) => s.code)).not.toContain('ISP-MRK-01');

    // Back in the file: re-activated, reported as updated.
    const again = await run(SEED_TEXT);
    expect(again.stores.updated).toEqual(['IST-KDK-01', 'ISP-MRK-01'].sort());
    expect(again.stores.deactivated).toEqual([]);
  });

  it('deactivates a region left out with its stores, and updates a changed manager', async () => {
    const file = seed();
    file.regions = file.regions.filter((r: any) => r.code !== 'KRD');
    file.stores = file.stores.filter((s: any) => s.regionCode !== 'KRD');
    const ege = file.regions.find((r: any) => r.code === 'EGE');
    ege.manager = { ...ege.manager, phone: '+90 533 000 02 99' };

    const report = await run(file);
    expect(report.regions.deactivated).toEqual(['KRD']);
    expect(report.stores.deactivated).toEqual([
      'ORD-ALT-01',
      'SAM-ATK-01',
      'SAM-ILK-01',
      'TRB-ORT-01',
      'TRB-ORT-02',
    ]);
    expect(report.managers.updated).toHaveLength(1);
    expect(report.regions.updated).toEqual([]);
    const catalogue = await new RoutingCatalogueRepository().load(dataSource);
    expect(catalogue.regions.map((r) => r.code)).not.toContain('KRD');

    // A store may name a region that is active in the database but not in the file; that region
    // is then kept as it is rather than deactivated under it.
    const storesOnly = { regions: [], stores: seed().stores };
    const back = await run(seed());
    expect(back.regions.updated).toEqual(['KRD']);
    const partial = await run(storesOnly);
    expect(partial.regions.deactivated).toEqual([]);
    expect(partial.stores.unchanged).toHaveLength(seed().stores.length);
  });

  it('rejects an invalid file whole and changes nothing', async () => {
    const before = await snapshot(env);
    const file = seed();
    file.stores[0].name = 'Kadıköy Bahariye Yeni'; // a valid change that must not be applied
    file.stores[12].regionCode = 'KAR';
    file.stores.push({ ...file.stores[3] });
    const text = JSON.stringify(file, null, 2);

    const result = await importStores(dataSource, text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.problems.map(formatProblem);
    expect(messages).toEqual([
      expect.stringMatching(/^line \d+: stores\[12\]\.regionCode: unknown region "KAR"$/),
      expect.stringMatching(
        new RegExp(
          `^line \\d+: stores\\[${file.stores.length - 1}\\]\\.code: duplicate store code`,
        ),
      ),
    ]);
    expect(await snapshot(env)).toEqual(before);
  });

  it('leaves a loaded catalogue alone when asked to import only into an empty one', async () => {
    const before = await snapshot(env);
    const file = seed();
    file.stores = file.stores.slice(0, 3);
    const result = await importStores(dataSource, JSON.stringify(file), {
      onlyIntoEmptyCatalogue: true,
    });
    expect(result).toMatchObject({ ok: true, skipped: 'catalogue_not_empty' });
    expect(await snapshot(env)).toEqual(before);
  });

  it('serializes concurrent imports: one applies a change, the other then finds it done', async () => {
    await run(SEED_TEXT);
    const file = seed();
    file.stores.find((s: any) => s.code === 'ANK-CNK-01').aliases.push('Kızılay Güvenpark');
    const [a, b] = await Promise.all([run(file), run(file)]);
    const updated = [a, b].map((r) => r.stores.updated);
    expect(updated).toEqual(expect.arrayContaining([['ANK-CNK-01'], []]));
  });
});
