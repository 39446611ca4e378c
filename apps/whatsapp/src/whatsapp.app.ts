import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { ChannelHealthReporter } from '@app/adapter-kit';
import { connectKafkaConsumer, DEFAULT_BACKOFF } from '@app/kafka';
import { migrateDatabase } from '@app/persistence';
import {
  configureHttpEdge,
  GatewayExceptionFilter,
  mergeCatalogs,
  PLATFORM_ERRORS,
} from '@app/platform';
import type { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { rawWebhookBody } from './cloud/webhook/raw-webhook-body';
import type { WhatsAppConfig } from './config/whatsapp.config';
import { whatsappDatabaseOptions } from './database/whatsapp-database';
import { WHATSAPP_ERRORS, WHATSAPP_HTTP_STATUS } from './whatsapp.errors';
import { WhatsAppModule, type WhatsAppModuleOptions } from './whatsapp.module';

/** Migrates, builds and starts the WhatsApp adapter. Used by main.ts and tests. */
export async function startWhatsApp(
  config: WhatsAppConfig,
  options: WhatsAppModuleOptions = {},
): Promise<INestApplication> {
  await migrateDatabase(whatsappDatabaseOptions(config));
  const app = await NestFactory.create(WhatsAppModule.forRoot(config, options), {
    bodyParser: false,
    bufferLogs: true,
  });
  // Raw bytes for the signature check, before anything parses them; the edge's JSON parser
  // covers only /api.
  const filter = new GatewayExceptionFilter(
    mergeCatalogs(PLATFORM_ERRORS, WHATSAPP_ERRORS),
    WHATSAPP_HTTP_STATUS,
  );
  app.use(
    '/webhooks/whatsapp',
    rawWebhookBody(config.bodyLimit),
    (error: unknown, req: Request, res: Response, next: NextFunction) =>
      res.headersSent ? next(error) : filter.respond(error, req, res),
  );
  configureHttpEdge(app, {
    jsonBodyLimit: '64kb',
    catalog: WHATSAPP_ERRORS,
    statusByCode: WHATSAPP_HTTP_STATUS,
  });
  const dataSource = app.get(DataSource);
  connectKafkaConsumer(app, {
    groupId: config.repliesGroup,
    fromBeginning: true,
    partitionsConsumedConcurrently: 1,
    sessionTimeoutMs: 30_000,
    maxBatchSize: 50,
    isolateAfterAttempts: 3,
    maxAttempts: config.replyMaxAttempts,
    backoff: DEFAULT_BACKOFF,
    deadLetters: true,
    // With PostgreSQL down no reply can be claimed: that is an outage to wait out, not poison.
    dependenciesHealthy: () =>
      dataSource.query('SELECT 1').then(
        () => true,
        () => false,
      ),
  });
  await app.listen(config.port, config.host);
  const health = app.get(ChannelHealthReporter);
  for (const account of config.accounts) {
    if (account.mode === 'cloud') health.update(account.id, { state: 'up', detail: 'listening' });
  }
  await app.startAllMicroservices();
  return app;
}
