import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ALL_TOPICS } from '@app/contracts';
import { KafkaConsumerState, KafkaHealthProbe, KafkaModule } from '@app/kafka';
import { MetricsModule } from '@app/metrics';
import { DatabaseModule, PostgresHealthProbe } from '@app/persistence';
import { HealthModule, LoggingModule, OPS_AUTH_OPTIONS, OpsAuthGuard } from '@app/platform';
import { CaseController } from './cases/case.controller';
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
      ],
      controllers: [CaseController, StoresController, IntakeConsumer, ReceiptsConsumer],
      providers: [
        { provide: CORE_CONFIG, useValue: config },
        { provide: OPS_AUTH_OPTIONS, useValue: { adminToken: config.adminToken } },
        OpsAuthGuard,
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
      ],
    };
  }
}
