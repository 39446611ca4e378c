import { DynamicModule, Module, type InjectionToken } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions, type AppDatabaseOptions } from './data-source-options';
import { PostgresHealthProbe } from './postgres.health';

export interface DatabaseModuleAsyncOptions {
  inject: InjectionToken[];
  useFactory: (...args: never[]) => AppDatabaseOptions;
}

/** The app's TypeORM DataSource (on its own schema) and its health probe. */
@Module({})
export class DatabaseModule {
  static forRootAsync(options: DatabaseModuleAsyncOptions): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TerminusModule,
        TypeOrmModule.forRootAsync({
          inject: options.inject,
          useFactory: (...args: unknown[]) =>
            dataSourceOptions(options.useFactory(...(args as never[]))),
        }),
      ],
      providers: [PostgresHealthProbe],
      exports: [PostgresHealthProbe],
    };
  }
}
