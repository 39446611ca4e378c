import { DynamicModule, Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AdapterKitModule, CaseEventsConsumer } from '@app/adapter-kit';
import { BlobStoreModule } from '@app/blob-store';
import { Topics } from '@app/contracts';
import { KafkaConsumerState, KafkaHealthProbe, KafkaModule } from '@app/kafka';
import { MetricsModule } from '@app/metrics';
import { DatabaseModule, PostgresHealthProbe } from '@app/persistence';
import { HealthModule, LoggingModule } from '@app/platform';
import { captchaProviderSpec } from './abuse/captcha/captcha-providers';
import { CAPTCHA_VERIFIER } from './abuse/captcha/captcha-verifier';
import { createCaptchaVerifier } from './abuse/captcha/captcha.factory';
import { RateLimitGuard } from './abuse/rate-limit.guard';
import { RateLimitJanitor } from './abuse/rate-limit.janitor';
import { RateLimitRepository } from './abuse/rate-limit.repository';
import { SubmissionScreen } from './abuse/submission-screen';
import { AttachmentIntake } from './attachments/attachment-intake';
import { attachmentUploadOptions } from './attachments/attachment-upload.options';
import { WEB_FORM_CONFIG, type WebFormConfig } from './config/web-form.config';
import { webFormDatabaseOptions } from './database/web-form-database';
import { AssetsController } from './page/assets/assets.controller';
import { FormRenderer } from './page/form-renderer';
import { PageExceptionFilter } from './page/page-exception.filter';
import { PageController } from './page/page.controller';
import { PageSubmissionGuard } from './page/page-submission.guard';
import { SubmitPageForm } from './page/usecases/submit-page-form.usecase';
import { StoreCatalogue } from './stores/store-catalogue';
import { IdempotencyKeyJanitor } from './submission/idempotency-key.janitor';
import { IdempotencyKeyRepository } from './submission/idempotency-key.repository';
import { AcceptApiSubmission } from './submission/usecases/accept-api-submission.usecase';
import { SubmitFeedback } from './submission/usecases/submit-feedback.usecase';
import { WebFormController } from './submission/web-form.controller';
import { CoreTrackingClient } from './tracking/core-tracking.client';
import { TrackPageRenderer } from './tracking/track-page.renderer';
import { TrackController } from './tracking/track.controller';
import { AnswerAgreement } from './tracking/usecases/answer-agreement.usecase';
import { AnswerSurvey } from './tracking/usecases/answer-survey.usecase';
import { LookUpStatus } from './tracking/usecases/look-up-status.usecase';

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
        BlobStoreModule.forRoot(config.blob),
        MulterModule.register(attachmentUploadOptions(config.attachments)),
        HealthModule.register([PostgresHealthProbe, KafkaHealthProbe, KafkaConsumerState]),
        MetricsModule.forRoot(config.metrics),
      ],
      controllers: [
        WebFormController,
        PageController,
        AssetsController,
        TrackController,
        CaseEventsConsumer,
      ],
      providers: [
        { provide: WEB_FORM_CONFIG, useValue: config },
        { provide: CAPTCHA_VERIFIER, useValue: createCaptchaVerifier(config.captcha) },
        IdempotencyKeyRepository,
        IdempotencyKeyJanitor,
        RateLimitRepository,
        RateLimitJanitor,
        RateLimitGuard,
        SubmissionScreen,
        AttachmentIntake,
        StoreCatalogue,
        FormRenderer,
        PageExceptionFilter,
        PageSubmissionGuard,
        SubmitFeedback,
        AcceptApiSubmission,
        SubmitPageForm,
        CoreTrackingClient,
        TrackPageRenderer,
        LookUpStatus,
        AnswerAgreement,
        AnswerSurvey,
      ],
    };
  }
}

/** Origins the pages' Content-Security-Policy must allow: the captcha provider's, if any. */
export function captchaOrigins(config: WebFormConfig): string[] {
  return captchaProviderSpec(config.captcha.provider)?.cspOrigins ?? [];
}
