import { DynamicModule, Module } from '@nestjs/common';
import { AdapterKitModule, CaseEventsConsumer } from '@app/adapter-kit';
import { Topics } from '@app/contracts';
import { KafkaConsumerState, KafkaHealthProbe, KafkaModule } from '@app/kafka';
import { MetricsModule } from '@app/metrics';
import { DatabaseModule, PostgresHealthProbe } from '@app/persistence';
import { HealthModule, LoggingModule } from '@app/platform';
import { WEB_FORM_CONFIG, type WebFormConfig } from './config/web-form.config';
import { webFormDatabaseOptions } from './database/web-form-database';
import { IdempotencyKeyJanitor } from './submission/idempotency-key.janitor';
import { IdempotencyKeyRepository } from './submission/idempotency-key.repository';
import { SubmitFeedback } from './submission/usecases/submit-feedback.usecase';
import { WebFormSubmissionPipe } from './submission/web-form-submission.pipe';
import { WebFormController } from './submission/web-form.controller';

@Module({})
export class WebFormModule {
  static forRoot(config: WebFormConfig): DynamicModule {
    return {
      module: WebFormModule,
      imports: [
        LoggingModule.forRoot('web-form', config.log),
        DatabaseModule.forRootAsync({
          inject: [],
          useFactory: () => webFormDatabaseOptions(config),
        }),
        KafkaModule.forRootAsync({
          inject: [],
          useFactory: () => ({
            ...config.kafka,
            serviceName: 'web-form',
            topics: [
              Topics.IntakeMessages,
              Topics.CaseEvents,
              Topics.DeadLetters,
              Topics.ChannelHealth,
            ],
          }),
        }),
        AdapterKitModule.forRoot({ channel: 'web-form', beatIntervalMs: config.healthBeatMs }),
        HealthModule.register([PostgresHealthProbe, KafkaHealthProbe, KafkaConsumerState]),
        MetricsModule.forRoot(config.metrics),
      ],
      controllers: [WebFormController, CaseEventsConsumer],
      providers: [
        { provide: WEB_FORM_CONFIG, useValue: config },
        WebFormSubmissionPipe,
        IdempotencyKeyRepository,
        IdempotencyKeyJanitor,
        SubmitFeedback,
      ],
    };
  }
}
