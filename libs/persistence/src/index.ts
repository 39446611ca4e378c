export * from './data-source-options';
export * from './ensure-database';
export * from './migrate';
export * from './pg-errors';
export * from './postgres.health';
export * from './database.module';
