import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { connectKafkaConsumer, DEFAULT_BACKOFF } from '@app/kafka';
import { migrateDatabase } from '@app/persistence';
import { configureHttpEdge } from '@app/platform';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { WebFormConfig } from './config/web-form.config';
import { webFormDatabaseOptions } from './database/web-form-database';
import { WEB_FORM_ERRORS, WEB_FORM_HTTP_STATUS } from './submission/web-form.errors';
import { WebFormModule } from './web-form.module';

/** Migrates, builds and starts the web form. Used by main.ts and tests. */
export async function startWebForm(config: WebFormConfig): Promise<INestApplication> {
  await migrateDatabase(webFormDatabaseOptions(config));
  const app = await NestFactory.create(WebFormModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  configureHttpEdge(app, {
    jsonBodyLimit: config.bodyLimit,
    catalog: WEB_FORM_ERRORS,
    statusByCode: WEB_FORM_HTTP_STATUS,
  });
  connectKafkaConsumer(app, {
    // Every instance must see every case event to answer its own waiting requests, so each
    // has its own group, starting from new events only.
    groupId: `web-form.${hostname()}.${process.pid}.${randomBytes(4).toString('hex')}`,
    fromBeginning: false,
    partitionsConsumedConcurrently: 1,
    sessionTimeoutMs: 30_000,
    maxBatchSize: 1_000,
    isolateAfterAttempts: 1,
    maxAttempts: 1,
    backoff: DEFAULT_BACKOFF,
    deadLetters: false,
    dependenciesHealthy: () => Promise.resolve(true),
  });
  await app.listen(config.port, config.host);
  await app.startAllMicroservices();
  return app;
}
