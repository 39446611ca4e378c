import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { connectKafkaConsumer } from '@app/kafka';
import { migrateDatabase } from '@app/persistence';
import { configureHttpEdge } from '@app/platform';
import express from 'express';
import { DASHBOARD_INSTANCE, type DashboardInstance } from './channels/board.providers';
import { channelHealthConsumerOptions } from './channels/channel-health.consumer-options';
import type { DashboardConfig } from './config/dashboard.config';
import { DASHBOARD_ERRORS, DASHBOARD_HTTP_STATUS } from './dashboard.errors';
import { DashboardModule } from './dashboard.module';
import { dashboardDatabaseOptions } from './database/dashboard-database';
import { securityHeaders } from './web/security-headers';

/** Migrates, builds and starts the dashboard. Used by main.ts and tests. */
export async function startDashboard(config: DashboardConfig): Promise<INestApplication> {
  await migrateDatabase(dashboardDatabaseOptions(config));
  const app = await NestFactory.create<NestExpressApplication>(DashboardModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.disable('x-powered-by');
  if (config.trustProxy) app.set('trust proxy', true);
  app.use(securityHeaders);
  // The sign-in and sign-out forms are plain HTML forms; everything under /api is JSON.
  app.use(['/login', '/logout'], express.urlencoded({ extended: false, limit: '8kb' }));
  configureHttpEdge(app, {
    jsonBodyLimit: '16kb',
    catalog: DASHBOARD_ERRORS,
    statusByCode: DASHBOARD_HTTP_STATUS,
  });
  const instance = app.get<DashboardInstance>(DASHBOARD_INSTANCE);
  connectKafkaConsumer(app, channelHealthConsumerOptions(instance.healthGroupId));
  await app.listen(config.port, config.host);
  await app.startAllMicroservices();
  return app;
}
