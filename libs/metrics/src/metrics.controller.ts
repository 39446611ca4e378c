import { Controller, Get, Header, Inject, Req } from '@nestjs/common';
import { HttpEdgeException } from '@app/platform';
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { GatewayMetrics } from './gateway-metrics';

export const METRICS_OPTIONS = Symbol('METRICS_OPTIONS');

export interface MetricsOptions {
  /** Bearer token Prometheus sends (`authorization` in its scrape config). */
  token: string;
}

const digest = (v: string) => createHash('sha256').update(v).digest();

/** `GET /metrics` in Prometheus text format, behind a bearer token like every ops endpoint. */
@Controller('metrics')
export class MetricsController {
  private readonly expected: Buffer;

  constructor(
    private readonly metrics: GatewayMetrics,
    @Inject(METRICS_OPTIONS) options: MetricsOptions,
  ) {
    this.expected = digest(options.token);
  }

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(@Req() req: Request): Promise<string> {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !timingSafeEqual(digest(token), this.expected)) {
      throw new HttpEdgeException('unauthorized', 'missing or invalid metrics token');
    }
    return this.metrics.registry.metrics();
  }
}
