import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ALL_TOPICS } from '@app/contracts';
import { KafkaConsumerState, KafkaHealthProbe, KafkaModule } from '@app/kafka';
import { DatabaseModule, PostgresHealthProbe } from '@app/persistence';
import { HealthModule, LoggingModule, OPS_AUTH_OPTIONS, OpsAuthGuard } from '@app/platform';
import { CaseController } from './cases/case.controller';
import { CaseEntity } from './cases/case.entity';
import { CaseRepository } from './cases/case.repository';
import { GetCaseByReference } from './cases/usecases/get-case-by-reference.usecase';
import { CORE_CONFIG, type CoreConfig } from './config/core.config';
import { coreDatabaseOptions } from './database/core-database';
import { IntakeConsumer } from './intake/intake.consumer';
import { ProcessInboundBatch } from './intake/usecases/process-inbound-batch.usecase';
import { MessageRepository } from './messages/message.repository';
import { OutboxRelay } from './outbox/outbox.relay';
import { OutboxRepository } from './outbox/outbox.repository';
import { CaseClock } from './references/case-clock';
import { ReferenceAllocator } from './references/reference-allocator';

@Module({})
export class CoreModule {
  static forRoot(config: CoreConfig): DynamicModule {
    const configProvider = { provide: CORE_CONFIG, useValue: config };
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
      ],
      controllers: [CaseController, IntakeConsumer],
      providers: [
        configProvider,
        { provide: OPS_AUTH_OPTIONS, useValue: { adminToken: config.adminToken } },
        OpsAuthGuard,
        CaseClock,
        ReferenceAllocator,
        MessageRepository,
        CaseRepository,
        OutboxRepository,
        OutboxRelay,
        ProcessInboundBatch,
        GetCaseByReference,
      ],
    };
  }
}
