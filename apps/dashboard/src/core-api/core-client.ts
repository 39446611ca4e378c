import { Inject, Injectable } from '@nestjs/common';
import { errorMessage } from '@app/platform';
import type { z } from 'zod';
import { DASHBOARD_CONFIG, type DashboardConfig } from '../config/dashboard.config';
import { CoreApiException } from './core-api.exception';
import {
  DeadLetterSummarySchema,
  IdentitySchema,
  SlaStatsSchema,
  type DeadLetterSummary,
  type Identity,
  type SlaStats,
} from './core-api.schemas';

/**
 * Core's ops API, always called with the signed-in person's own token, so that core decides what
 * they may see (a manager's SLA figures are their region's; dead letters are for ops and admins).
 */
@Injectable()
export class CoreClient {
  constructor(@Inject(DASHBOARD_CONFIG) private readonly config: DashboardConfig) {}

  /** Who the token belongs to; `token_rejected` when core does not know it. */
  async identify(token: string): Promise<Identity> {
    const identity = await this.get('/api/v1/auth/me', token, IdentitySchema);
    if (identity === 'forbidden') {
      throw new CoreApiException('token_rejected', 'core /api/v1/auth/me: forbidden');
    }
    return identity;
  }

  /** Already limited by core to a manager's region. */
  async slaStats(token: string): Promise<SlaStats | 'forbidden'> {
    return this.get('/api/v1/stats/sla', token, SlaStatsSchema);
  }

  /** `forbidden` for a role that may not see dead letters (a manager). */
  async deadLetterSummary(token: string): Promise<DeadLetterSummary | 'forbidden'> {
    return this.get('/api/v1/dead-letters/summary', token, DeadLetterSummarySchema);
  }

  private async get<S extends z.ZodType>(
    path: string,
    token: string,
    schema: S,
  ): Promise<z.infer<S> | 'forbidden'> {
    let response: Response;
    try {
      response = await fetch(`${this.config.core.url}${path}`, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        signal: AbortSignal.timeout(this.config.core.timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      throw new CoreApiException('core_unavailable', `core ${path}: ${errorMessage(error)}`);
    }
    if (response.status === 401) {
      await response.body?.cancel();
      throw new CoreApiException('token_rejected', `core ${path}: token rejected`);
    }
    if (response.status === 403) {
      await response.body?.cancel();
      return 'forbidden';
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new CoreApiException('core_unavailable', `core ${path}: HTTP ${response.status}`);
    }
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) {
      throw new CoreApiException('core_contract', `core ${path}: answer breaks the contract`);
    }
    return parsed.data;
  }
}
