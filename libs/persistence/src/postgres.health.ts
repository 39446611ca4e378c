import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { HealthProbe } from '@app/platform';
import { DataSource } from 'typeorm';

@Injectable()
export class PostgresHealthProbe implements HealthProbe {
  constructor(
    private readonly dataSource: DataSource,
    private readonly indicators: HealthIndicatorService,
  ) {}

  check(): Promise<HealthIndicatorResult> {
    return Promise.resolve(
      this.indicators
        .check('postgres')
        .attempt(async () => {
          await this.dataSource.query('SELECT 1');
        })
        .withTimeout(3_000),
    );
  }
}
