import { DynamicModule, Module } from '@nestjs/common';
import { AdapterKitModule } from '@app/adapter-kit';
import { BlobStoreModule } from '@app/blob-store';
import { Topics } from '@app/contracts';
import { KafkaConsumerState, KafkaHealthProbe, KafkaModule } from '@app/kafka';
import { MetricsModule } from '@app/metrics';
import { DatabaseModule, PostgresHealthProbe } from '@app/persistence';
import { HealthModule, LoggingModule, OPS_AUTH_OPTIONS } from '@app/platform';
import { randomBytes } from 'node:crypto';
import { AccountRegistry } from './accounts/account-registry';
import { GraphApiClient } from './cloud/graph/graph-api.client';
import { CloudChangeProcessor } from './cloud/usecases/cloud-change.processor';
import { CloudMediaFetcher } from './cloud/usecases/cloud-media.fetcher';
import { ReceiveWebhook } from './cloud/usecases/receive-webhook.usecase';
import { VerifySubscription } from './cloud/usecases/verify-subscription.usecase';
import { WebhookSignature } from './cloud/webhook/webhook-signature';
import { WhatsAppWebhookController } from './cloud/webhook/whatsapp-webhook.controller';
import { WHATSAPP_CONFIG, type WhatsAppConfig } from './config/whatsapp.config';
import { whatsappDatabaseOptions } from './database/whatsapp-database';
import { MediaStore } from './inbound/media-store';
import { SendWhatsAppReply } from './replies/usecases/send-whatsapp-reply.usecase';
import { SentMessageRepository } from './replies/sent-message.repository';
import { WhatsAppRepliesConsumer } from './replies/whatsapp-replies.consumer';
import { SessionInboxRelay } from './session/session-inbox.relay';
import { SessionInboxRepository } from './session/session-inbox.repository';
import { SessionManager } from './session/session-manager';
import { SessionOpsController } from './session/session-ops.controller';
import { ListSessions } from './session/usecases/list-sessions.usecase';
import { ReceiveSessionMessage } from './session/usecases/receive-session-message.usecase';
import { RecordSessionAck } from './session/usecases/record-session-ack.usecase';
import { RelinkSession } from './session/usecases/relink-session.usecase';
import { RenderSessionQr } from './session/usecases/render-session-qr.usecase';
import { SessionArchiveRepository } from './session/web/session-archive.repository';
import { webSessionFactory } from './session/web/web-session.factory';
import { WHATSAPP_SESSION_FACTORY, type SessionFactory } from './session/whatsapp-session';

export interface WhatsAppModuleOptions {
  /** Replaces whatsapp-web.js: tests drive sessions with a fake client. */
  sessionFactory?: SessionFactory;
}

@Module({})
export class WhatsAppModule {
  static forRoot(config: WhatsAppConfig, options: WhatsAppModuleOptions = {}): DynamicModule {
    return {
      module: WhatsAppModule,
      imports: [
        LoggingModule.forRoot('whatsapp', config.log),
        DatabaseModule.forRootAsync({
          inject: [],
          useFactory: () => whatsappDatabaseOptions(config),
        }),
        KafkaModule.forRootAsync({
          inject: [],
          useFactory: () => ({
            ...config.kafka,
            serviceName: 'whatsapp',
            topics: [
              Topics.IntakeMessages,
              Topics.DeadLetters,
              Topics.OutboundReplies,
              Topics.OutboundReceipts,
              Topics.ChannelHealth,
            ],
          }),
        }),
        AdapterKitModule.forRoot({ channel: 'whatsapp', beatIntervalMs: config.healthBeatMs }),
        BlobStoreModule.forRoot(config.blob),
        HealthModule.register([PostgresHealthProbe, KafkaHealthProbe, KafkaConsumerState]),
        MetricsModule.forRoot(config.metrics),
      ],
      controllers: [WhatsAppWebhookController, SessionOpsController, WhatsAppRepliesConsumer],
      providers: [
        { provide: WHATSAPP_CONFIG, useValue: config },
        // Without ADMIN_TOKEN (no session account) the ops endpoints answer nobody.
        {
          provide: OPS_AUTH_OPTIONS,
          useValue: { adminToken: config.adminToken ?? randomBytes(32).toString('hex') },
        },
        {
          provide: WHATSAPP_SESSION_FACTORY,
          inject: [SessionArchiveRepository],
          useFactory: (archives: SessionArchiveRepository) =>
            options.sessionFactory ?? webSessionFactory(config.session, archives),
        },
        AccountRegistry,
        MediaStore,
        SentMessageRepository,
        GraphApiClient,
        WebhookSignature,
        VerifySubscription,
        ReceiveWebhook,
        CloudChangeProcessor,
        CloudMediaFetcher,
        SendWhatsAppReply,
        SessionArchiveRepository,
        SessionInboxRepository,
        SessionInboxRelay,
        SessionManager,
        ReceiveSessionMessage,
        RecordSessionAck,
        ListSessions,
        RenderSessionQr,
        RelinkSession,
      ],
    };
  }
}
