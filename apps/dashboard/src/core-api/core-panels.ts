import { Inject, Injectable } from '@nestjs/common';
import { DASHBOARD_CONFIG, type DashboardConfig } from '../config/dashboard.config';
import { CoreApiException } from './core-api.exception';
import type { DeadLetterSummary, SlaStats } from './core-api.schemas';
import { CoreClient } from './core-client';

/** What core contributes to a person's snapshot. */
export interface CorePanelsView {
  /** Null when core never answered, or the role may not see it. */
  sla: SlaStats | null;
  deadLetters: DeadLetterSummary | null;
  /** False while core does not answer: the figures shown (if any) are the last ones it gave. */
  coreReachable: boolean;
  fetchedAt: string | null;
}

interface Entry {
  view?: CorePanelsView;
  fetchedAtMs: number;
  askedAtMs: number;
  refreshing?: Promise<void>;
  rejected?: boolean;
}

/** Entries nobody asked for in this long belong to pages closed long ago. */
const FORGET_AFTER_MS = 10 * 60_000;

/**
 * SLA and dead-letter figures per token, fetched from core at most every DASHBOARD_CORE_POLL_MS
 * however many pages that person has open. A stale value is served while a fresh one is fetched,
 * so a slow core never holds up the channel rows.
 */
@Injectable()
export class CorePanels {
  private readonly entries = new Map<string, Entry>();

  constructor(
    @Inject(DASHBOARD_CONFIG) private readonly config: DashboardConfig,
    private readonly core: CoreClient,
  ) {}

  /** Throws `token_rejected` once core has refused the token: the session is over. */
  async forToken(tokenHash: string, token: string): Promise<CorePanelsView> {
    const now = Date.now();
    this.forget(now);
    let entry = this.entries.get(tokenHash);
    if (!entry) {
      entry = { fetchedAtMs: 0, askedAtMs: now };
      this.entries.set(tokenHash, entry);
    }
    entry.askedAtMs = now;
    // Once refused, asking core again with the same token can only be refused again.
    if (!entry.rejected) {
      if (!entry.view) await this.refresh(entry, token);
      else if (now - entry.fetchedAtMs >= this.config.core.pollMs) void this.refresh(entry, token);
    }
    if (entry.rejected) throw new CoreApiException('token_rejected', 'core rejected the token');
    return entry.view!;
  }

  private refresh(entry: Entry, token: string): Promise<void> {
    entry.refreshing ??= this.fetch(entry, token).finally(() => (entry.refreshing = undefined));
    return entry.refreshing;
  }

  private async fetch(entry: Entry, token: string): Promise<void> {
    const [sla, deadLetters] = await Promise.allSettled([
      this.core.slaStats(token),
      this.core.deadLetterSummary(token),
    ]);
    const failures: unknown[] = [sla, deadLetters].flatMap((r) =>
      r.status === 'rejected' ? [r.reason as unknown] : [],
    );
    if (failures.some((e) => e instanceof CoreApiException && e.code === 'token_rejected')) {
      entry.rejected = true;
      return;
    }
    const previous = entry.view;
    const value = <T>(r: PromiseSettledResult<T | 'forbidden'>, before: T | null | undefined) =>
      r.status === 'rejected' ? (before ?? null) : r.value === 'forbidden' ? null : r.value;
    entry.fetchedAtMs = Date.now();
    entry.view = {
      sla: value(sla, previous?.sla),
      deadLetters: value(deadLetters, previous?.deadLetters),
      coreReachable: failures.length === 0,
      fetchedAt: failures.length === 0 ? new Date().toISOString() : (previous?.fetchedAt ?? null),
    };
  }

  private forget(now: number): void {
    for (const [key, entry] of this.entries)
      if (now - entry.askedAtMs > FORGET_AFTER_MS) this.entries.delete(key);
  }
}
