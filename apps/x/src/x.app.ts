import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
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
import { XAccountStatus } from './account/x-account-status';
import type { XConfig } from './config/x.config';
import { xDatabaseOptions } from './database/x-database';
import { SendReply } from './replies/usecases/send-reply.usecase';
import { webhookBody } from './webhook/webhook-body.middleware';
import { X_ERRORS, X_HTTP_STATUS } from './webhook/x-webhook.errors';
import { XModule } from './x.module';

/** Migrates, builds and starts the X adapter. Used by main.ts and tests. */
export async function startX(config: XConfig): Promise<INestApplication> {
  await migrateDatabase(xDatabaseOptions(config));
  const app = await NestFactory.create(XModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  if (config.webhook.enabled) {
    // Raw bytes for the signature check; the edge's JSON parser covers only /api.
    const filter = new GatewayExceptionFilter(
      mergeCatalogs(PLATFORM_ERRORS, X_ERRORS),
      X_HTTP_STATUS,
    );
    app.use(
      '/webhooks/x',
      webhookBody(config.webhook.bodyLimit),
      (error: unknown, req: Request, res: Response, next: NextFunction) =>
        res.headersSent ? next(error) : filter.respond(error, req, res),
    );
  }
  configureHttpEdge(app, {
    jsonBodyLimit: '1mb',
    catalog: X_ERRORS,
    statusByCode: X_HTTP_STATUS,
  });
  const dataSource = app.get(DataSource);
  const sendReply = app.get(SendReply);
  connectKafkaConsumer(app, {
    groupId: 'x-replies',
    fromBeginning: true,
    partitionsConsumedConcurrently: 1,
    sessionTimeoutMs: 30_000,
    maxBatchSize: 50,
    isolateAfterAttempts: 3,
    maxAttempts: 8,
    backoff: DEFAULT_BACKOFF,
    deadLetters: true,
    // While X holds us to its rate limit or does not answer, or PostgreSQL is down, every reply
    // fails: wait it out.
    dependenciesHealthy: async () =>
      sendReply.sendingAllowed &&
      sendReply.xAnswering &&
      (await dataSource.query('SELECT 1').then(
        () => true,
        () => false,
      )),
  });
  await app.listen(config.port, config.host);
  const status = app.get(XAccountStatus);
  if (config.webhook.enabled) status.set('webhook', { state: 'up', detail: 'listening' });
  if (!config.polling.enabled && !config.webhook.enabled) {
    status.set('access', { state: 'disabled', detail: 'polling and webhook off' });
  }
  await app.startAllMicroservices();
  return app;
}
