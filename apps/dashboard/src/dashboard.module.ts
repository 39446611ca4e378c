import { DynamicModule, Module } from '@nestjs/common';
import { Topics } from '@app/contracts';
import { KafkaConsumerState, KafkaHealthProbe, KafkaModule } from '@app/kafka';
import { MetricsModule } from '@app/metrics';
import { DatabaseModule, PostgresHealthProbe } from '@app/persistence';
import { HealthModule, LoggingModule } from '@app/platform';
import { SessionJanitor } from './auth/session.janitor';
import { SessionRepository } from './auth/session.repository';
import { TokenIdentities } from './auth/token-identities';
import { ResolveViewer } from './auth/usecases/resolve-viewer.usecase';
import { SignIn } from './auth/usecases/sign-in.usecase';
import { SignOut } from './auth/usecases/sign-out.usecase';
import { ViewerGuard } from './auth/viewer.guard';
import { quietPeriodsProvider, workingHoursProvider } from './calendar/calendar.providers';
import { BoardMetrics } from './channels/board.metrics';
import { boardProvider, dashboardInstanceProvider } from './channels/board.providers';
import { BoardTicker } from './channels/board-ticker';
import { ChannelHealthConsumer } from './channels/channel-health.consumer';
import { ChannelsController } from './channels/channels.controller';
import { HealthGroupCleanup } from './channels/health-group.cleanup';
import { HistoryReplay } from './channels/history-replay';
import { QrImages } from './channels/qr-images';
import { RecordBeats } from './channels/usecases/record-beats.usecase';
import { DASHBOARD_CONFIG, type DashboardConfig } from './config/dashboard.config';
import { CoreClient } from './core-api/core-client';
import { CorePanels } from './core-api/core-panels';
import { dashboardDatabaseOptions } from './database/dashboard-database';
import { ConsumerLagMonitor } from './lag/consumer-lag.monitor';
import { LiveSnapshots } from './snapshot/live-snapshots';
import { BuildSnapshot } from './snapshot/usecases/build-snapshot.usecase';
import { DashboardAssets } from './web/assets';
import { PageController } from './web/page.controller';

@Module({})
export class DashboardModule {
  static forRoot(config: DashboardConfig): DynamicModule {
    return {
      module: DashboardModule,
      imports: [
        LoggingModule.forRoot('dashboard', config.log),
        DatabaseModule.forRootAsync({
          inject: [],
          useFactory: () => dashboardDatabaseOptions(config),
        }),
        KafkaModule.forRootAsync({
          inject: [],
          // Publishes nothing; the health topic is created here if no adapter has yet.
          useFactory: () => ({
            ...config.kafka,
            serviceName: 'dashboard',
            topics: [Topics.ChannelHealth],
          }),
        }),
        HealthModule.register([PostgresHealthProbe, KafkaHealthProbe, KafkaConsumerState]),
        MetricsModule.forRoot(config.metrics),
      ],
      controllers: [PageController, ChannelsController, ChannelHealthConsumer],
      providers: [
        { provide: DASHBOARD_CONFIG, useValue: config },
        workingHoursProvider,
        quietPeriodsProvider,
        dashboardInstanceProvider,
        boardProvider,
        HistoryReplay,
        BoardTicker,
        BoardMetrics,
        RecordBeats,
        HealthGroupCleanup,
        QrImages,
        ConsumerLagMonitor,
        CoreClient,
        CorePanels,
        SessionRepository,
        SessionJanitor,
        TokenIdentities,
        ResolveViewer,
        ViewerGuard,
        SignIn,
        SignOut,
        BuildSnapshot,
        LiveSnapshots,
        DashboardAssets,
      ],
    };
  }
}
