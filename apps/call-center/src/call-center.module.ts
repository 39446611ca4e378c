import { DynamicModule, Module } from '@nestjs/common';
import { AdapterKitModule, CaseEventsConsumer } from '@app/adapter-kit';
import { Topics } from '@app/contracts';
import { KafkaConsumerState, KafkaHealthProbe, KafkaModule } from '@app/kafka';
import { MetricsModule } from '@app/metrics';
import { DatabaseModule, PostgresHealthProbe } from '@app/persistence';
import { HealthModule, LoggingModule } from '@app/platform';
import { CallDeadLetters } from './calls/call-dead-letters';
import { CallEventController } from './calls/call-event.controller';
import { CallEventPipe } from './calls/call-event.pipe';
import { CallJanitor } from './calls/call.janitor';
import { CallRepository } from './calls/call.repository';
import { WebhookSignatureVerifier } from './calls/signature/webhook-signature';
import { WebhookSignatureGuard } from './calls/signature/webhook-signature.guard';
import { RecordCall } from './calls/usecases/record-call.usecase';
import { CALL_CENTER_CONFIG, type CallCenterConfig } from './config/call-center.config';
import { callCenterDatabaseOptions } from './database/call-center-database';

@Module({})
export class CallCenterModule {
  static forRoot(config: CallCenterConfig): DynamicModule {
    return {
      module: CallCenterModule,
      imports: [
        LoggingModule.forRoot('call-center', config.log),
        DatabaseModule.forRootAsync({
          inject: [],
          useFactory: () => callCenterDatabaseOptions(config),
        }),
        KafkaModule.forRootAsync({
          inject: [],
          useFactory: () => ({
            ...config.kafka,
            serviceName: 'call-center',
            topics: [
              Topics.IntakeMessages,
              Topics.CaseEvents,
              Topics.DeadLetters,
              Topics.ChannelHealth,
            ],
          }),
        }),
        AdapterKitModule.forRoot({ channel: 'call-center', beatIntervalMs: config.healthBeatMs }),
        HealthModule.register([PostgresHealthProbe, KafkaHealthProbe, KafkaConsumerState]),
        MetricsModule.forRoot(config.metrics),
      ],
      controllers: [CallEventController, CaseEventsConsumer],
      providers: [
        { provide: CALL_CENTER_CONFIG, useValue: config },
        {
          provide: WebhookSignatureVerifier,
          useFactory: () =>
            new WebhookSignatureVerifier({
              secrets: config.webhookSecrets,
              toleranceSeconds: config.signatureToleranceSeconds,
              clockSkewSeconds: config.clockSkewSeconds,
            }),
        },
        WebhookSignatureGuard,
        CallEventPipe,
        CallRepository,
        CallJanitor,
        CallDeadLetters,
        RecordCall,
      ],
    };
  }
}
