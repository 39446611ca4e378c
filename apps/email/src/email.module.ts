import { DynamicModule, Module } from '@nestjs/common';
import { AdapterKitModule } from '@app/adapter-kit';
import { BlobStoreModule } from '@app/blob-store';
import { Topics } from '@app/contracts';
import { KafkaHealthProbe, KafkaModule } from '@app/kafka';
import { MetricsModule } from '@app/metrics';
import { DatabaseModule, PostgresHealthProbe } from '@app/persistence';
import { HealthModule, LoggingModule } from '@app/platform';
import { EMAIL_CONFIG, type EmailConfig } from './config/email.config';
import { emailDatabaseOptions } from './database/email-database';
import { MailboxSupervisor } from './imap/mailbox.supervisor';
import { TakeInMail } from './intake/usecases/take-in-mail.usecase';
import { EmailRepliesConsumer } from './replies/email-replies.consumer';
import { FailedReplyRepository } from './replies/failed-reply.repository';
import { OutboundMailRepository } from './replies/outbound-mail.repository';
import { RepliesHealthModule } from './replies/replies-health.module';
import { RepliesHealthProbe } from './replies/replies-health.probe';
import { SmtpMailer } from './replies/smtp-mailer';
import { SendReply } from './replies/usecases/send-reply.usecase';

@Module({})
export class EmailModule {
  static forRoot(config: EmailConfig): DynamicModule {
    const repliesEnabled = config.smtp !== undefined;
    return {
      module: EmailModule,
      imports: [
        LoggingModule.forRoot('email', config.log),
        DatabaseModule.forRootAsync({ inject: [], useFactory: () => emailDatabaseOptions(config) }),
        KafkaModule.forRootAsync({
          inject: [],
          useFactory: () => ({
            ...config.kafka,
            serviceName: 'email',
            topics: [
              Topics.IntakeMessages,
              Topics.DeadLetters,
              Topics.ChannelHealth,
              Topics.OutboundReplies,
              Topics.OutboundReceipts,
            ],
          }),
        }),
        AdapterKitModule.forRoot({ channel: 'email', beatIntervalMs: config.healthBeatMs }),
        BlobStoreModule.forRoot(config.blob),
        RepliesHealthModule.forRoot(repliesEnabled),
        HealthModule.register([PostgresHealthProbe, KafkaHealthProbe, RepliesHealthProbe]),
        MetricsModule.forRoot(config.metrics),
      ],
      // Without SMTP the replies consumer is not registered at all, so the app never joins the
      // replies group (startEmail connects no consumer either).
      controllers: repliesEnabled ? [EmailRepliesConsumer] : [],
      providers: [
        { provide: EMAIL_CONFIG, useValue: config },
        TakeInMail,
        MailboxSupervisor,
        OutboundMailRepository,
        FailedReplyRepository,
        SmtpMailer,
        SendReply,
      ],
    };
  }
}
