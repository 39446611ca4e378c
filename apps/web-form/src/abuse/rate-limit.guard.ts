import {
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  Logger,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GatewayMetrics } from '@app/metrics';
import { errorMessage } from '@app/platform';
import type { Request, Response } from 'express';
import { WEB_FORM_CONFIG, type WebFormConfig } from '../config/web-form.config';
import { WebFormException } from '../submission/web-form.exception';
import { rateLimitSubject } from './client-address';
import { RateLimitRepository } from './rate-limit.repository';

/** What is counted: submissions (page and API) and status lookups have separate allowances. */
export type RateLimitBucket = 'submission' | 'track';

const RATE_LIMIT_BUCKET = 'web-form:rate-limit-bucket';

/** Names the allowance a handler draws on; without it, submissions. */
export const RateLimit = (bucket: RateLimitBucket) => SetMetadata(RATE_LIMIT_BUCKET, bucket);

/**
 * Requests per client address, shared by all instances through PostgreSQL. The address is
 * the socket's, or X-Forwarded-For's when WEB_FORM_TRUST_PROXY says whose to believe (Express's
 * `trust proxy`, set in startWebForm). A refusal carries Retry-After; the edge answers 429.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = new Logger(RateLimitGuard.name);

  constructor(
    @Inject(WEB_FORM_CONFIG) private readonly config: WebFormConfig,
    private readonly windows: RateLimitRepository,
    private readonly metrics: GatewayMetrics,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const bucket =
      this.reflector.getAllAndOverride<RateLimitBucket | undefined>(RATE_LIMIT_BUCKET, [
        context.getHandler(),
        context.getClass(),
      ]) ?? 'submission';
    const { max, windowSeconds } =
      bucket === 'track' ? this.config.trackRateLimit : this.config.rateLimit;
    if (max === 0) return true;
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const subject = `${bucket}:${rateLimitSubject(req.ip)}`;
    let decision;
    try {
      decision = await this.windows.hit(subject, max, windowSeconds);
    } catch (error) {
      // The limit protects against floods; losing a customer's complaint because PostgreSQL
      // hiccupped would be worse than letting a few extra requests through.
      this.logger.warn({ error: errorMessage(error) }, 'rate limit check failed, request let in');
      return true;
    }
    if (decision.allowed) return true;
    if (bucket === 'submission') {
      this.metrics.messagesRejected.inc({ channel: 'web-form', reason: 'rate_limited' });
    }
    http.getResponse<Response>().setHeader('Retry-After', String(decision.retryAfterSeconds));
    throw new WebFormException('rate_limited', 'too many submissions from this address', false, {
      retryAfterSeconds: decision.retryAfterSeconds,
    });
  }
}
