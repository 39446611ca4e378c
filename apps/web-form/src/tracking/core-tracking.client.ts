import { Inject, Injectable, Logger } from '@nestjs/common';
import { errorMessage } from '@app/platform';
import { WEB_FORM_CONFIG, type WebFormConfig } from '../config/web-form.config';
import { TrackStatusSchema, type TrackStatus, type Verification } from './dto/track-status';
import { TrackingException } from './tracking.exception';

/**
 * Core's public tracking API (WEB_FORM_CORE_URL). The web form never reads core's tables: it asks
 * like any headless site would. The customer's address goes along in X-Forwarded-For so that core
 * can limit per customer when it trusts this app as a proxy.
 */
@Injectable()
export class CoreTrackingClient {
  private readonly logger = new Logger(CoreTrackingClient.name);

  constructor(@Inject(WEB_FORM_CONFIG) private readonly config: WebFormConfig) {}

  async status(v: Verification, clientIp?: string): Promise<TrackStatus> {
    const url = `${this.trackUrl(v.reference)}?verify=${encodeURIComponent(v.verify)}`;
    const response = await this.call(url, { method: 'GET', headers: this.headers(clientIp) });
    const parsed = TrackStatusSchema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) {
      this.logger.warn('core answered the status look-up with an unexpected body');
      throw new TrackingException('track_unavailable', 'unexpected status body from core');
    }
    return parsed.data;
  }

  agreement(
    v: Verification,
    answer: { agree: boolean; comment?: string },
    clientIp?: string,
  ): Promise<void> {
    return this.answer(v, 'agreement', answer, clientIp);
  }

  survey(
    v: Verification,
    answer: { score: number; comment?: string },
    clientIp?: string,
  ): Promise<void> {
    return this.answer(v, 'survey', answer, clientIp);
  }

  private async answer(
    v: Verification,
    path: 'agreement' | 'survey',
    answer: object,
    clientIp: string | undefined,
  ): Promise<void> {
    await this.call(`${this.trackUrl(v.reference)}/${path}`, {
      method: 'POST',
      headers: { ...this.headers(clientIp), 'content-type': 'application/json' },
      body: JSON.stringify({ verify: v.verify, ...answer }),
    });
  }

  private trackUrl(reference: string): string {
    return `${this.config.coreUrl}/api/v1/track/${encodeURIComponent(reference)}`;
  }

  private headers(clientIp: string | undefined): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (clientIp) headers['x-forwarded-for'] = clientIp;
    return headers;
  }

  /** Any 2xx is the answer; the rest become a TrackingException. Never logs the factor. */
  private async call(url: string, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(url, {
        ...init,
        signal: AbortSignal.timeout(this.config.coreTimeoutMs),
      });
    } catch (error) {
      this.logger.warn({ error: errorMessage(error) }, 'core tracking API unreachable');
      throw new TrackingException('track_unavailable', 'core tracking API unreachable');
    }
    if (response.ok) return response;
    await response.body?.cancel();
    switch (response.status) {
      case 404:
        throw new TrackingException('track_not_found', 'no case for this reference and factor');
      case 429:
        throw new TrackingException('track_rate_limited', 'core refused: too many look-ups', {
          retryAfterSeconds: retryAfter(response.headers.get('retry-after')),
        });
      case 400:
      case 409:
      case 422:
        throw new TrackingException(
          'track_refused',
          `core refused the answer (${response.status})`,
        );
      default:
        this.logger.warn({ status: response.status }, 'core tracking API failed');
        throw new TrackingException('track_unavailable', `core answered ${response.status}`);
    }
  }
}

function retryAfter(header: string | null): number {
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60;
}
