import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ChannelHealthReporter, referenceWaiterConsumerOptions } from '@app/adapter-kit';
import { connectKafkaConsumer } from '@app/kafka';
import { migrateDatabase } from '@app/persistence';
import { configureHttpEdge } from '@app/platform';
import type { INestApplication } from '@nestjs/common';
import type { WebFormConfig } from './config/web-form.config';
import { webFormDatabaseOptions } from './database/web-form-database';
import { corsForApi } from './http/cors.middleware';
import { formBody } from './http/form-body.middleware';
import { securityHeaders } from './http/security-headers.middleware';
import { WEB_FORM_ERRORS, WEB_FORM_HTTP_STATUS } from './submission/web-form.errors';
import { captchaOrigins, WebFormModule } from './web-form.module';

/** Migrates, builds and starts the web form. Used by main.ts and tests. */
export async function startWebForm(config: WebFormConfig): Promise<INestApplication> {
  await migrateDatabase(webFormDatabaseOptions(config));
  const app = await NestFactory.create<NestExpressApplication>(WebFormModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  // The rate limit counts per client: behind a proxy that is X-Forwarded-For, if trusted.
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(securityHeaders(captchaOrigins(config)));
  app.use('/api/v1/web-form', corsForApi(config.corsOrigins));
  // The tracking page's small forms are plain url-encoded posts (the submission form is multipart).
  app.use('/track', formBody('32kb'));
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
