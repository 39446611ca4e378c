import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { connectKafkaConsumer } from '@app/kafka';
import { migrateDatabase } from '@app/persistence';
import { configureHttpEdge } from '@app/platform';
import { DataSource } from 'typeorm';
import type { EmailConfig } from './config/email.config';
import { emailDatabaseOptions } from './database/email-database';
import { EmailModule } from './email.module';
import { MailboxSupervisor } from './imap/mailbox.supervisor';
import { repliesConsumerOptions } from './replies/replies-consumer.options';

/** Migrates, builds and starts the e-mail adapter. Used by main.ts and tests. */
export async function startEmail(config: EmailConfig): Promise<INestApplication> {
  await migrateDatabase(emailDatabaseOptions(config));
  const app = await NestFactory.create(EmailModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  configureHttpEdge(app, { jsonBodyLimit: '100kb' });
  if (config.smtp) {
    connectKafkaConsumer(app, repliesConsumerOptions(config.smtp, app.get(DataSource)));
  } else {
    // Not joining the group leaves the replies to an instance that can send them, instead of
    // taking partitions and failing every reply on them.
    new Logger('EmailApp').warn('SMTP_HOST is not set: replies are not consumed by this instance');
  }
  await app.listen(config.port, config.host);
  await app.startAllMicroservices();
  app.get(MailboxSupervisor).start();
  return app;
}
