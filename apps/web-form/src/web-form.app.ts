import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { ChannelHealthReporter, referenceWaiterConsumerOptions } from '@app/adapter-kit';
import { connectKafkaConsumer } from '@app/kafka';
import { migrateDatabase } from '@app/persistence';
import { configureHttpEdge } from '@app/platform';
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
  connectKafkaConsumer(app, referenceWaiterConsumerOptions('web-form'));
  await app.listen(config.port, config.host);
  app.get(ChannelHealthReporter).update(config.account, { state: 'up', detail: 'listening' });
  await app.startAllMicroservices();
  return app;
}
