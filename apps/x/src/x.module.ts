import { DynamicModule, Module } from '@nestjs/common';
import { AdapterKitModule } from '@app/adapter-kit';
import { BlobStoreModule } from '@app/blob-store';
import { Topics } from '@app/contracts';
import { KafkaConsumerState, KafkaHealthProbe, KafkaModule } from '@app/kafka';
import { MetricsModule } from '@app/metrics';
import { DatabaseModule, PostgresHealthProbe } from '@app/persistence';
import { HealthModule, LoggingModule } from '@app/platform';
import { XAccountStatus } from './account/x-account-status';
import { OAuth2Refresher } from './auth/oauth2-refresher';
import { OAuth2TokenRepository } from './auth/oauth2-token.repository';
import { XUserCredentials } from './auth/x-user-credentials';
import { xClientProvider } from './client/x-client.provider';
import { X_CONFIG, type XConfig } from './config/x.config';
import { xDatabaseOptions } from './database/x-database';
import { XIntake } from './intake/x-intake';
import { XMediaFetcher } from './media/media.fetcher';
import { DirectMessagesPoller } from './polling/direct-messages.poller';
import { MentionsPoller } from './polling/mentions.poller';
import { PollingSupervisor } from './polling/polling.supervisor';
import { SendReply } from './replies/usecases/send-reply.usecase';
import { XMessenger } from './replies/x-messenger';
import { XRepliesConsumer } from './replies/x-replies.consumer';
import { ReceiveActivity } from './webhook/usecases/receive-activity.usecase';
import { WebhookSignature } from './webhook/webhook-signature';
import { XWebhookController } from './webhook/x-webhook.controller';

@Module({})
export class XModule {
  static forRoot(config: XConfig): DynamicModule {
    return {
      module: XModule,
      imports: [
        LoggingModule.forRoot('x', config.log),
        DatabaseModule.forRootAsync({ inject: [], useFactory: () => xDatabaseOptions(config) }),
        KafkaModule.forRootAsync({
          inject: [],
          useFactory: () => ({
            ...config.kafka,
            serviceName: 'x',
            topics: [
              Topics.IntakeMessages,
              Topics.OutboundReceipts,
              Topics.DeadLetters,
              Topics.ChannelHealth,
            ],
          }),
        }),
        AdapterKitModule.forRoot({ channel: 'x', beatIntervalMs: config.healthBeatMs }),
        BlobStoreModule.forRoot(config.blob),
        HealthModule.register([PostgresHealthProbe, KafkaHealthProbe, KafkaConsumerState]),
        MetricsModule.forRoot(config.metrics),
      ],
      controllers: [...(config.webhook.enabled ? [XWebhookController] : []), XRepliesConsumer],
      providers: [
        { provide: X_CONFIG, useValue: config },
        OAuth2TokenRepository,
        OAuth2Refresher,
        XUserCredentials,
        xClientProvider,
        XAccountStatus,
        XIntake,
        XMediaFetcher,
        MentionsPoller,
        DirectMessagesPoller,
        PollingSupervisor,
        WebhookSignature,
        ReceiveActivity,
        XMessenger,
        SendReply,
      ],
    };
  }
}
