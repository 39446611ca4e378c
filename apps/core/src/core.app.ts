import { CORE_CONSUMPTION } from '@app/contracts';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { connectKafkaConsumer, DEFAULT_BACKOFF } from '@app/kafka';
import { migrateDatabase } from '@app/persistence';
import { configureHttpEdge, mergeCatalogs } from '@app/platform';
import { DataSource } from 'typeorm';
import type { CoreConfig } from './config/core.config';
import { CoreModule } from './core.module';
import { coreDatabaseOptions } from './database/core-database';
import { setupOpenApi } from './ops/openapi';
import { CUSTOMER_SIDE_ERRORS, CUSTOMER_SIDE_HTTP_STATUS } from './tracking/customer-side.errors';

/** Status of core's own exception codes at the HTTP edge. */
const CORE_HTTP_STATUS: Record<string, number> = {
  reference_malformed: 400,
  reference_check_digit: 400,
  case_not_found: 404,
  // Ops API (issue 7)
  status_transition_forbidden: 409,
  case_close_needs_agreement: 409,
  token_not_found: 404,
  region_unknown: 422,
  dead_letter_not_found: 404,
  dead_letter_not_waiting: 409,
  dead_letter_not_replayable: 409,
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
    status_transition_forbidden: 'Başvuru bu durumdan istenen duruma geçirilemez.',
    case_close_needs_agreement:
      'Çözümlenen başvuru ancak müşteri onaylarsa ya da bekleme süresi dolarsa kapatılır.',
    dead_letter_not_found: 'Bu kimlikle bir ölü mektup (işlenemeyen mesaj) yok.',
    dead_letter_not_waiting: 'Bu mesaj artık beklemede değil (yeniden gönderildi ya da atıldı).',
    dead_letter_not_replayable: 'Bu mesaj kaynağına yeniden gönderilemez.',
    token_not_found: 'Bu kimlikle etkin bir API anahtarı yok.',
    region_unknown: 'Bu kodla etkin bir bölge yok.',
    'regionCode.manager_only':
      'Bölge kodu yalnızca yönetici (manager) anahtarında verilir ve orada zorunludur.',
  },
  az: {
    reference_malformed: 'Bu müraciət nömrəsi deyil (məs. KM-2026-004217-3).',
    reference_check_digit: 'Müraciət nömrəsində səhv rəqəm var; zəhmət olmasa yoxlayın.',
    case_not_found: 'Bu nömrə ilə müraciət tapılmadı.',
    routing_target_unknown: 'Bu kodla aktiv mağaza və ya region yoxdur.',
    'target.store_or_region': 'Bir mağaza kodu və ya bir region kodu verin (ikisini birlikdə yox).',
    'reason.required': 'Yönləndirmə dəyişikliyinin səbəbini yazın.',
    status_transition_forbidden: 'Müraciət bu statusdan istənilən statusa keçirilə bilməz.',
    case_close_needs_agreement:
      'Həll edilmiş müraciət yalnız müştəri razı olduqda və ya gözləmə müddəti bitdikdə bağlanır.',
    dead_letter_not_found: 'Bu identifikatorla emal olunmayan mesaj yoxdur.',
    dead_letter_not_waiting: 'Bu mesaj artıq gözləmədə deyil (yenidən göndərilib və ya atılıb).',
    dead_letter_not_replayable: 'Bu mesaj mənbəyinə yenidən göndərilə bilməz.',
    token_not_found: 'Bu identifikatorla aktiv API açarı yoxdur.',
    region_unknown: 'Bu kodla aktiv region yoxdur.',
    'regionCode.manager_only': 'Region kodu yalnız menecer açarında verilir və orada mütləqdir.',
  },
  en: {
    reference_malformed: 'This is not a reference number (e.g. KM-2026-004217-3).',
    reference_check_digit: 'The reference number has a wrong digit; please check it.',
    case_not_found: 'No case has this reference number.',
    routing_target_unknown: 'No active store or region has this code.',
    'target.store_or_region': 'Give a store code or a region code (not both).',
    'reason.required': 'Say why the case is re-routed.',
    status_transition_forbidden: 'The case cannot move from its status to the one asked for.',
    case_close_needs_agreement:
      'A resolved case closes only with the customer agreement or after the quiet period.',
    dead_letter_not_found: 'No dead letter has this id.',
    dead_letter_not_waiting: 'This dead letter is no longer waiting (replayed or discarded).',
    dead_letter_not_replayable: 'This dead letter cannot be put back on its source.',
    token_not_found: 'No live API token has this id.',
    region_unknown: 'No active region has this code.',
    'regionCode.manager_only':
      'A region code is given for a manager token only, and required there.',
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
    catalog: mergeCatalogs(CORE_ERRORS, CUSTOMER_SIDE_ERRORS),
    statusByCode: { ...CORE_HTTP_STATUS, ...CUSTOMER_SIDE_HTTP_STATUS },
  });
  setupOpenApi(app);
  const dataSource = app.get(DataSource);
  const consumer = {
    fromBeginning: true,
    partitionsConsumedConcurrently: config.consumer.partitionsConcurrently,
    sessionTimeoutMs: 30_000,
    // Two consumers' fetches of a backlog at KafkaJS' 10 MB each took core past 300 MB RSS.
    maxBytesPerFetch: 4 * 1024 * 1024,
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
  };
  connectKafkaConsumer(app, {
    ...consumer,
    groupId: config.consumer.groupId,
    topics: CORE_CONSUMPTION.intake,
  });
  // The customer's side reads core's own case events with a consumer of its own: sharing one
  // made every intake fetch wait for the acknowledgements of the round before (bench:core).
  connectKafkaConsumer(app, {
    ...consumer,
    groupId: config.consumer.customerSideGroupId,
    topics: CORE_CONSUMPTION.customerSide,
  });
  await app.listen(config.port, config.host);
  await app.startAllMicroservices();
  return app;
}
