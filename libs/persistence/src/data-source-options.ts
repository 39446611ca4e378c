import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';

export interface AppDatabaseOptions {
  url: string;
  /** Each app owns one PostgreSQL schema: its tables, its migrations table, nobody else's. */
  schema: string;
  poolSize: number;
  /** Shows up in pg_stat_activity, so ops can tell the apps' connections apart. */
  applicationName: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

/** Never `synchronize`: the schema changes only through reviewed, timestamped migrations. */
export function dataSourceOptions(o: AppDatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: o.url,
    schema: o.schema,
    entities: o.entities,
    migrations: o.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    applicationName: o.applicationName,
    logging: false,
    extra: {
      max: o.poolSize,
      // Raw SQL in repositories names tables without the schema.
      options: `-c search_path=${o.schema},public`,
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
    },
  };
}
