import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ALL_TOPICS } from '@app/contracts';
import { KafkaConsumerState, KafkaHealthProbe, KafkaModule } from '@app/kafka';
import { MetricsModule } from '@app/metrics';
import { DatabaseModule, PostgresHealthProbe } from '@app/persistence';
import { HealthModule, LoggingModule } from '@app/platform';
import { AuthController } from './auth/auth.controller';
import { AuthModule } from './auth/auth.module';
import { TokensController } from './auth/tokens.controller';
import { CreateApiToken } from './auth/usecases/create-api-token.usecase';
import { ListApiTokens } from './auth/usecases/list-api-tokens.usecase';
import { RevokeApiToken } from './auth/usecases/revoke-api-token.usecase';
import { CaseController } from './cases/case.controller';
import { CaseNoteRepository } from './cases/case-note.repository';
import { CaseQueryRepository } from './cases/case-query.repository';
import { AddCaseNote } from './cases/usecases/add-case-note.usecase';
import { GetCaseTimeline } from './cases/usecases/get-case-timeline.usecase';
import { ListCases } from './cases/usecases/list-cases.usecase';
import { CaseEntity } from './cases/case.entity';
import { CaseHistoryRepository } from './cases/case-history.repository';
import { CaseLinkRepository } from './cases/case-link.repository';
import { CaseRepository } from './cases/case.repository';
import { ThreadKeyRepository } from './cases/thread-key.repository';
import { GetCaseByReference } from './cases/usecases/get-case-by-reference.usecase';
import { RerouteCase } from './cases/usecases/reroute-case.usecase';
import { classifierProvider } from './classification/classifier.provider';
import { CORE_CONFIG, type CoreConfig } from './config/core.config';
import { CustomerResolver } from './customers/customer-resolver';
import { DeadLetterRepository } from './dead-letters/dead-letter.repository';
import { DeadLettersConsumer } from './dead-letters/dead-letters.consumer';
import { DeadLettersController } from './dead-letters/dead-letters.controller';
import { DiscardDeadLetter } from './dead-letters/usecases/discard-dead-letter.usecase';
import { InspectDeadLetter } from './dead-letters/usecases/inspect-dead-letter.usecase';
import { ListDeadLetters } from './dead-letters/usecases/list-dead-letters.usecase';
import { RecordDeadLetters } from './dead-letters/usecases/record-dead-letters.usecase';
import { ReplayDeadLetter } from './dead-letters/usecases/replay-dead-letter.usecase';
import { ConsumerLagMonitor } from './ops/consumer-lag.monitor';
import { SlaStatsRepository } from './stats/sla-stats.repository';
import { StatsController } from './stats/stats.controller';
import { GetSlaStats } from './stats/usecases/get-sla-stats.usecase';
import { CustomerRepository } from './customers/customer.repository';
import { coreDatabaseOptions } from './database/core-database';
import { nearDuplicateMatcherProvider } from './duplicates/near-duplicate.matcher';
import { IntakeConsumer } from './intake/intake.consumer';
import { CaseOpener } from './intake/pipeline/case-opener';
import { IntakeContextRepository } from './intake/pipeline/intake-context.repository';
import { IntakePlanWriter } from './intake/pipeline/intake-plan.writer';
import { IntakePlanner } from './intake/pipeline/intake-planner';
import { ProcessInboundBatch } from './intake/usecases/process-inbound-batch.usecase';
import { MessageRepository } from './messages/message.repository';
import { OutboxRelay } from './outbox/outbox.relay';
import { OutboxRepository } from './outbox/outbox.repository';
import { CaseClock } from './references/case-clock';
import { ReferenceAllocator } from './references/reference-allocator';
import { CaseReplyRepository } from './replies/case-reply.repository';
import { ReceiptsConsumer } from './replies/receipts.consumer';
import { RecordReceipts } from './replies/usecases/record-receipts.usecase';
import { RoutingCatalogueRepository } from './routing/routing-catalogue.repository';
import { RoutingService } from './routing/routing.service';
import { StoresController } from './routing/stores.controller';
import { businessCalendarProvider } from './sla/business-calendar.provider';
import { SlaMonitor } from './sla/sla-monitor';
import { SlaRepository } from './sla/sla.repository';
import { CaseStatusRepository } from './workflow/case-status.repository';
import { ChangeCaseStatus } from './workflow/change-case-status.usecase';
import { CloseQuietCasesJob } from './workflow/close-quiet-cases.job';

// Customer's side (issue 8)
import { AcknowledgementReceipts } from './acknowledgements/acknowledgement-receipts';
import { AcknowledgementRepository } from './acknowledgements/acknowledgement.repository';
import { RequestAcknowledgement } from './acknowledgements/usecases/request-acknowledgement.usecase';
import { CustomerEventsConsumer } from './notifications/customer-events.consumer';
import { CustomerReplyWriter } from './notifications/customer-reply.writer';
import { ReplyContextRepository } from './notifications/reply-context.repository';
import { ResolutionDelayController } from './notifications/resolution-delay.controller';
import { ResolutionDelayRepository } from './notifications/resolution-delay.repository';
import { AnnounceResolutionDelay } from './notifications/usecases/announce-resolution-delay.usecase';
import { HandleCustomerEvents } from './notifications/usecases/handle-customer-events.usecase';
import { NotifyStatusChange } from './notifications/usecases/notify-status-change.usecase';
import { RemindResolutionDelay } from './notifications/usecases/remind-resolution-delay.usecase';
import { PrivacyController } from './privacy/privacy.controller';
import { PrivacyRepository } from './privacy/privacy.repository';
import { EraseCustomerData } from './privacy/usecases/erase-customer-data.usecase';
import { ExportCustomerData } from './privacy/usecases/export-customer-data.usecase';
import { blobStoreProvider } from './retention/blob-store.provider';
import { RetentionJob } from './retention/retention.job';
import { RetentionRepository } from './retention/retention.repository';
import { PurgeExpiredPayloads } from './retention/usecases/purge-expired-payloads.usecase';
import { SurveyRepository } from './surveys/survey.repository';
import { RecordReplyScore } from './surveys/usecases/record-reply-score.usecase';
import { ReplyTemplateRepository } from './templates/reply-template.repository';
import { TemplatesController } from './templates/templates.controller';
import { ManageTemplates } from './templates/usecases/manage-templates.usecase';
import { CaseVerifier } from './tracking/case-verifier';
import { TrackingAnswersRepository } from './tracking/tracking-answers.repository';
import { TrackingController } from './tracking/tracking.controller';
import { TrackingRateRepository } from './tracking/tracking-rate.repository';
import { TrackingRepository } from './tracking/tracking.repository';
import { AnswerSurvey } from './tracking/usecases/answer-survey.usecase';
import { RecordAgreement } from './tracking/usecases/record-agreement.usecase';
import { TrackCase } from './tracking/usecases/track-case.usecase';

@Module({})
export class CoreModule {
  static forRoot(config: CoreConfig): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        LoggingModule.forRoot('core', config.log),
        DatabaseModule.forRootAsync({ inject: [], useFactory: () => coreDatabaseOptions(config) }),
        TypeOrmModule.forFeature([CaseEntity]),
        KafkaModule.forRootAsync({
          inject: [],
          useFactory: () => ({ ...config.kafka, serviceName: 'core', topics: [...ALL_TOPICS] }),
        }),
        HealthModule.register([PostgresHealthProbe, KafkaHealthProbe, KafkaConsumerState]),
        MetricsModule.forRoot(config.metrics),
        AuthModule.forRoot({ adminToken: config.adminToken }),
      ],
      controllers: [
        CaseController,
        StoresController,
        IntakeConsumer,
        ReceiptsConsumer,
        // Ops API (issue 7)
        AuthController,
        TokensController,
        DeadLettersController,
        DeadLettersConsumer,
        StatsController,
        // Customer's side (issue 8)
        CustomerEventsConsumer,
        TrackingController,
        TemplatesController,
        PrivacyController,
        ResolutionDelayController,
      ],
      providers: [
        { provide: CORE_CONFIG, useValue: config },
        // Intake pipeline
        ProcessInboundBatch,
        MessageRepository,
        CustomerResolver,
        CustomerRepository,
        IntakeContextRepository,
        CaseOpener,
        IntakePlanWriter,
        IntakePlanner,
        nearDuplicateMatcherProvider,
        classifierProvider,
        // Cases
        CaseRepository,
        CaseHistoryRepository,
        CaseLinkRepository,
        ThreadKeyRepository,
        GetCaseByReference,
        RerouteCase,
        CaseClock,
        ReferenceAllocator,
        // Routing and SLA
        RoutingCatalogueRepository,
        RoutingService,
        businessCalendarProvider,
        SlaRepository,
        SlaMonitor,
        // Replies
        CaseReplyRepository,
        RecordReceipts,
        // Events
        OutboxRepository,
        OutboxRelay,
        // Ops API (issue 7): tokens, status workflow
        CreateApiToken,
        ListApiTokens,
        RevokeApiToken,
        CaseStatusRepository,
        ChangeCaseStatus,
        CloseQuietCasesJob,
        CaseQueryRepository,
        CaseNoteRepository,
        ListCases,
        GetCaseTimeline,
        AddCaseNote,
        DeadLetterRepository,
        RecordDeadLetters,
        ListDeadLetters,
        InspectDeadLetter,
        ReplayDeadLetter,
        DiscardDeadLetter,
        SlaStatsRepository,
        GetSlaStats,
        ConsumerLagMonitor,
        // Customer's side (issue 8): acknowledgements, notifications, tracking, surveys, privacy
        ReplyTemplateRepository,
        ManageTemplates,
        ReplyContextRepository,
        CustomerReplyWriter,
        AcknowledgementRepository,
        AcknowledgementReceipts,
        RequestAcknowledgement,
        NotifyStatusChange,
        ResolutionDelayRepository,
        RemindResolutionDelay,
        AnnounceResolutionDelay,
        HandleCustomerEvents,
        SurveyRepository,
        RecordReplyScore,
        TrackingRepository,
        TrackingRateRepository,
        TrackingAnswersRepository,
        CaseVerifier,
        TrackCase,
        RecordAgreement,
        AnswerSurvey,
        PrivacyRepository,
        ExportCustomerData,
        EraseCustomerData,
        blobStoreProvider,
        RetentionRepository,
        PurgeExpiredPayloads,
        RetentionJob,
      ],
    };
  }
}
