import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { dataSourceOptions, migrateDatabase } from '@app/persistence';
import { ConfigException } from '@app/platform';
import { DataSource } from 'typeorm';
import { loadImportStoresConfig } from '../../config/import-stores.config';
import { CoreException } from '../../core.exception';
import { coreDatabaseOptions } from '../../database/core-database';
import { importStores, type ChangeSet, type ImportReport } from './import-stores';
import { formatProblem } from './parse-stores-file';

/**
 * `node dist/apps/core/src/routing/import/import-stores.main.js [--if-empty] <file.json>`
 * `--if-empty` imports only into a catalogue without any region (the quick start's sample).
 * Exit codes: 0 imported (or skipped by --if-empty), 1 the file is invalid (nothing changed),
 * 2 anything else (usage, configuration, unreadable file, database unavailable).
 * Prints codes and counts only: the file's managers are personal data.
 */
const USAGE = 'usage: npm run import:stores -- [--if-empty] <stores.json>';

async function main(args: readonly string[]): Promise<number> {
  const onlyIntoEmptyCatalogue = args[0] === '--if-empty';
  const files = onlyIntoEmptyCatalogue ? args.slice(1) : args;
  if (files.length !== 1 || files[0].startsWith('-')) {
    console.error(USAGE);
    return 2;
  }
  const [path] = files;
  const config = loadImportStoresConfig(process.env);
  const text = await readFile(path, 'utf8');

  const options = coreDatabaseOptions(config);
  await migrateDatabase(options);
  // One transaction: a second connection would only sit idle.
  const dataSource = new DataSource(dataSourceOptions({ ...options, poolSize: 1 }));
  await dataSource.initialize();
  try {
    const result = await importStores(dataSource, text, { onlyIntoEmptyCatalogue });
    if (!result.ok) {
      console.error(`${path}: ${result.problems.length} problem(s), nothing was imported:`);
      for (const problem of result.problems) console.error(`  ${formatProblem(problem)}`);
      return 1;
    }
    if (result.skipped) {
      console.log(`Skipped ${path}: the database already has regions and stores (--if-empty).`);
      return 0;
    }
    console.log(describeReport(path, result.report));
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

function describeReport(path: string, report: ImportReport): string {
  const lines = [`Imported ${path}`];
  const section = (title: string, set: ChangeSet & { deactivated?: string[] }, codes: boolean) => {
    const counts = [
      `${set.created.length} created`,
      `${set.updated.length} updated`,
      `${set.unchanged.length} unchanged`,
      ...(set.deactivated ? [`${set.deactivated.length} deactivated`] : []),
    ];
    lines.push(`${title}: ${counts.join(', ')}`);
    if (!codes) return;
    const named: [string, string[] | undefined][] = [
      ['created', set.created],
      ['updated', set.updated],
      ['deactivated', set.deactivated],
    ];
    for (const [what, list] of named) {
      if (list && list.length > 0) lines.push(`  ${what}: ${list.join(', ')}`);
    }
  };
  section('Regions', report.regions, true);
  section('Stores', report.stores, true);
  section('Managers', report.managers, false);
  return lines.join('\n');
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Database errors can quote values from the file; CoreException drops them.
    const message =
      error instanceof ConfigException
        ? error.message
        : isFileError(error)
          ? `cannot read the file: ${error.code}`
          : CoreException.from(error).message;
    console.error(`import failed: ${message}`);
    process.exitCode = 2;
  },
);

function isFileError(error: unknown): error is { code: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    /^E[A-Z]+$/.test(code) &&
    (error as { syscall?: unknown }).syscall === 'open'
  );
}
