import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { connectKafkaConsumer, DEFAULT_BACKOFF } from '@app/kafka';
import { migrateDatabase } from '@app/persistence';
import { configureHttpEdge } from '@app/platform';
import { DataSource } from 'typeorm';
import type { CoreConfig } from './config/core.config';
import { CoreModule } from './core.module';
import { coreDatabaseOptions } from './database/core-database';

/** Status of core's own exception codes at the HTTP edge. */
const CORE_HTTP_STATUS: Record<string, number> = {
  reference_malformed: 400,
  reference_check_digit: 400,
  case_not_found: 404,
  routing_target_unknown: 422,
  database_unavailable: 503,
};

const CORE_ERRORS = {
  tr: {
    reference_malformed: 'Bu bir başvuru numarası değil (ör. KM-2026-004217-3).',
    reference_check_digit: 'Başvuru numarasında hatalı bir rakam var; lütfen kontrol edin.',
    case_not_found: 'Bu numarayla bir başvuru bulunamadı.',
    routing_target_unknown: 'Bu kodla etkin bir mağaza ya da bölge yok.',
    'target.store_or_region': 'Bir mağaza kodu ya da bir bölge kodu verin (ikisini birden değil).',
    'reason.required': 'Yönlendirme değişikliğinin nedenini yazın.',
  },
  az: {
    reference_malformed: 'Bu müraciət nömrəsi deyil (məs. KM-2026-004217-3).',
    reference_check_digit: 'Müraciət nömrəsində səhv rəqəm var; zəhmət olmasa yoxlayın.',
    case_not_found: 'Bu nömrə ilə müraciət tapılmadı.',
    routing_target_unknown: 'Bu kodla aktiv mağaza və ya region yoxdur.',
    'target.store_or_region': 'Bir mağaza kodu və ya bir region kodu verin (ikisini birlikdə yox).',
    'reason.required': 'Yönləndirmə dəyişikliyinin səbəbini yazın.',
  },
  en: {
    reference_malformed: 'This is not a reference number (e.g. KM-2026-004217-3).',
    reference_check_digit: 'The reference number has a wrong digit; please check it.',
    case_not_found: 'No case has this reference number.',
    routing_target_unknown: 'No active store or region has this code.',
    'target.store_or_region': 'Give a store code or a region code (not both).',
    'reason.required': 'Say why the case is re-routed.',
  },
};

/** Migrates, builds and starts core: HTTP API plus the intake consumer. Used by main.ts and tests. */
export async function startCore(config: CoreConfig): Promise<INestApplication> {
  await migrateDatabase(coreDatabaseOptions(config));
  const app = await NestFactory.create(CoreModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  configureHttpEdge(app, {
    jsonBodyLimit: '1mb',
    catalog: CORE_ERRORS,
    statusByCode: CORE_HTTP_STATUS,
  });
  const dataSource = app.get(DataSource);
  connectKafkaConsumer(app, {
    groupId: config.consumer.groupId,
    fromBeginning: true,
    partitionsConsumedConcurrently: config.consumer.partitionsConcurrently,
    sessionTimeoutMs: 30_000,
    maxBatchSize: config.consumer.batchSize,
    isolateAfterAttempts: 3,
    maxAttempts: config.consumer.maxAttempts,
    backoff: DEFAULT_BACKOFF,
    deadLetters: true,
    // While PostgreSQL is down every message fails: that is an outage to wait out, not poison.
    dependenciesHealthy: () =>
      dataSource.query('SELECT 1').then(
        () => true,
        () => false,
      ),
  });
  await app.listen(config.port, config.host);
  await app.startAllMicroservices();
  return app;
}
