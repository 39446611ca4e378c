import { CHANNELS, type Channel, type ChannelHealthV1 } from '@app/contracts';
import type { QuietPeriods } from '../calendar/quiet-periods';
import type { WorkingHours } from '../calendar/working-hours';
import type { ChannelRow } from './channel-row';
import { MinuteSeries } from './minute-series';
import { rowVerdict, type InstanceBeat } from './row-state';

export interface BoardSettings {
  downAfterBeats: number;
  /** Instances (and accounts) not heard from for this long are forgotten. */
  historyMs: number;
}

interface AccountRecord {
  channel: Channel;
  account: string;
  firstSeenMs: number;
  instances: Map<string, InstanceBeat>;
  series: MinuteSeries;
  lastMessageMs?: number;
  lastSuccessMs?: number;
  lastError?: NonNullable<ChannelHealthV1['lastError']>;
}

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
const max = (a: number | undefined, b: string | undefined) =>
  b === undefined ? a : Math.max(a ?? 0, Date.parse(b));

/**
 * Every channel account's health, rebuilt from `channels.health.v1` alone. Each dashboard instance
 * reads the whole topic from its beginning (a day is kept) with a consumer group of its own, so
 * every instance holds the same board and a restarted one recovers the last hour's series.
 */
export class ChannelBoard {
  private readonly accounts = new Map<string, AccountRecord>();

  constructor(
    private readonly settings: BoardSettings,
    private readonly quietPeriods: QuietPeriods,
    private readonly workingHours: WorkingHours,
  ) {}

  observe(beats: readonly ChannelHealthV1[], nowMs: number): void {
    for (const beat of beats) this.record(beat, nowMs);
  }

  rows(nowMs: number): ChannelRow[] {
    this.forget(nowMs);
    return [...this.accounts.values()]
      .sort(
        (a, b) =>
          CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel) ||
          a.account.localeCompare(b.account),
      )
      .map((record) => this.row(record, nowMs));
  }

  private record(beat: ChannelHealthV1, nowMs: number): void {
    const key = `${beat.channel}:${beat.channelAccount}`;
    const atMs = Date.parse(beat.at);
    let record = this.accounts.get(key);
    if (!record) {
      record = {
        channel: beat.channel,
        account: beat.channelAccount,
        firstSeenMs: atMs,
        instances: new Map(),
        series: new MinuteSeries(),
      };
      this.accounts.set(key, record);
    }
    const previous = record.instances.get(beat.instanceId);
    if (previous && previous.atMs > atMs) return;
    // Counters are cumulative per instance and start again at 0 when it restarts.
    const delta = (now: number, before: number | undefined) =>
      before === undefined || now < before ? now : now - before;
    record.series.add(
      atMs,
      delta(beat.counters.received, previous?.beat.counters.received),
      delta(beat.counters.errors, previous?.beat.counters.errors),
      nowMs,
    );
    record.instances.set(beat.instanceId, { beat, atMs });
    record.firstSeenMs = Math.min(record.firstSeenMs, atMs);
    record.lastMessageMs = max(record.lastMessageMs, beat.lastMessageAt);
    record.lastSuccessMs = max(record.lastSuccessMs, beat.lastSuccessAt);
    if (
      beat.lastError &&
      (!record.lastError || Date.parse(beat.lastError.at) >= Date.parse(record.lastError.at))
    )
      record.lastError = beat.lastError;
  }

  private forget(nowMs: number): void {
    for (const [key, record] of this.accounts) {
      for (const [id, instance] of record.instances)
        if (nowMs - instance.atMs > this.settings.historyMs) record.instances.delete(id);
      if (record.instances.size === 0) this.accounts.delete(key);
    }
  }

  private row(record: AccountRecord, nowMs: number): ChannelRow {
    const instances = [...record.instances.values()];
    const verdict = rowVerdict(instances, nowMs, this.settings.downAfterBeats);
    const quietMs = this.quietPeriods.forAccount(record.channel, record.account);
    const silent = verdict.state === 'up' && this.isSilent(record, quietMs, nowMs);
    const perMinute = record.series.window(nowMs);
    const received = perMinute.received.reduce((a, b) => a + b, 0);
    const errors = perMinute.errors.reduce((a, b) => a + b, 0);
    const lastBeatMs = Math.max(...instances.map((i) => i.atMs));
    const qr = verdict.alive.find((i) => i.beat.state === 'needs-auth' && i.beat.qr)?.beat.qr;
    return {
      key: `${record.channel}:${record.account}`,
      channel: record.channel,
      account: record.account,
      state: silent ? 'degraded' : verdict.state,
      reason: silent ? 'silent' : verdict.reason,
      detail: verdict.detail,
      instances: { alive: verdict.alive.length, total: instances.length },
      lastBeatAt: iso(lastBeatMs)!,
      lastMessageAt: iso(record.lastMessageMs),
      lastSuccessAt: iso(record.lastSuccessMs),
      quietPeriodMinutes: quietMs === null ? null : quietMs / 60_000,
      perMinute,
      receivedLastHour: received,
      errorsLastHour: errors,
      errorRate: received + errors === 0 ? null : errors / (received + errors),
      lastError: record.lastError
        ? {
            at: record.lastError.at,
            code: record.lastError.code ?? null,
            message: record.lastError.message,
          }
        : null,
      qr: qr ?? null,
    };
  }

  /**
   * Silent: the desk is working now, and more working time than the quiet period has passed since
   * the last message (or, if none was ever seen, since the account first beat).
   */
  private isSilent(record: AccountRecord, quietMs: number | null, nowMs: number): boolean {
    if (quietMs === null || !this.workingHours.isOpen(nowMs)) return false;
    const since = record.lastMessageMs ?? record.firstSeenMs;
    return this.workingHours.workingMsBetween(since, nowMs, quietMs + 1) > quietMs;
  }
}
