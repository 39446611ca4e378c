import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { ChannelHealthReporter, referenceWaiterConsumerOptions } from '@app/adapter-kit';
import { connectKafkaConsumer } from '@app/kafka';
import { migrateDatabase } from '@app/persistence';
import { configureHttpEdge } from '@app/platform';
import { CallCenterModule } from './call-center.module';
import { CALL_CENTER_ERRORS, CALL_CENTER_HTTP_STATUS } from './calls/call-center.errors';
import { CALL_EVENTS_PATH } from './calls/call-event.controller';
import { rawBody } from './calls/raw-body.middleware';
import type { CallCenterConfig } from './config/call-center.config';
import { callCenterDatabaseOptions } from './database/call-center-database';
import { serveOpenApi } from './openapi/call-center.openapi';

/** Migrates, builds and starts the call centre. Used by main.ts and tests. */
export async function startCallCenter(config: CallCenterConfig): Promise<INestApplication> {
  await migrateDatabase(callCenterDatabaseOptions(config));
  const app = await NestFactory.create(CallCenterModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  // Before the edge's JSON parser: the webhook's bytes stay unparsed until the signature is checked.
  app.use(CALL_EVENTS_PATH, rawBody(config.bodyLimitBytes));
  configureHttpEdge(app, {
    // No other route under /api takes a body; this bounds anything that might.
    jsonBodyLimit: config.bodyLimitBytes,
    catalog: CALL_CENTER_ERRORS,
    statusByCode: CALL_CENTER_HTTP_STATUS,
  });
  serveOpenApi(app);
  connectKafkaConsumer(app, referenceWaiterConsumerOptions('call-center'));
  await app.listen(config.port, config.host);
  app.get(ChannelHealthReporter).update(config.account, { state: 'up', detail: 'listening' });
  await app.startAllMicroservices();
  return app;
}
