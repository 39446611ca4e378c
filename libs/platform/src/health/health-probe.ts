import type { HealthIndicatorResult } from '@nestjs/terminus';

/** A dependency an app cannot work without; `GET /health` runs every registered probe. */
export interface HealthProbe {
  check(): Promise<HealthIndicatorResult>;
}

export const HEALTH_PROBES = Symbol('HEALTH_PROBES');
