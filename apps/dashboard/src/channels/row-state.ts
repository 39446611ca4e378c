import type { ChannelHealthV1, HealthState } from '@app/contracts';
import type { RowReason } from './channel-row';

export interface InstanceBeat {
  beat: ChannelHealthV1;
  atMs: number;
}

export interface RowVerdict {
  state: HealthState;
  reason: RowReason | null;
  detail: string | null;
  /** Instances that beat recently and have not said goodbye, newest first. */
  alive: InstanceBeat[];
}

/** What a stopping instance says last (ChannelHealthReporter): it is gone, not broken. */
function saidGoodbye(i: InstanceBeat): boolean {
  return i.beat.state === 'down' && i.beat.detail === 'stopped';
}

function newestFirst(list: readonly InstanceBeat[]): InstanceBeat[] {
  return [...list].sort((a, b) => b.atMs - a.atMs);
}

/**
 * The state of a channel account from the last beat of each of its instances. An instance counts
 * while it has beaten within `downAfterBeats` of its own intervals. No live instance: down. One
 * needing a person (a QR to scan, a password): needs-auth. All disabled: disabled. All the others
 * down: down. Some up and some down: degraded, since the account still works, with less than it
 * should.
 */
export function rowVerdict(
  instances: readonly InstanceBeat[],
  nowMs: number,
  downAfterBeats: number,
): RowVerdict {
  const alive = newestFirst(
    instances.filter((i) => nowMs - i.atMs <= downAfterBeats * i.beat.intervalMs),
  );
  const live = alive.filter((i) => !saidGoodbye(i));
  if (live.length === 0) {
    const last = newestFirst(instances)[0];
    const stopped = last !== undefined && saidGoodbye(last);
    return {
      state: 'down',
      reason: stopped ? 'stopped' : 'no-beat',
      detail: last?.beat.detail ?? null,
      alive: [],
    };
  }
  const first = (state: HealthState) => live.find((i) => i.beat.state === state);
  const verdict = (state: HealthState, reason: RowReason | null, from?: InstanceBeat) => ({
    state,
    reason,
    detail: (from ?? live[0]).beat.detail ?? null,
    alive: live,
  });
  const needsAuth = first('needs-auth');
  if (needsAuth) return verdict('needs-auth', 'reported', needsAuth);
  const working = live.filter((i) => i.beat.state !== 'disabled');
  if (working.length === 0) return verdict('disabled', 'reported');
  if (working.every((i) => i.beat.state === 'down')) return verdict('down', 'reported', working[0]);
  if (working.every((i) => i.beat.state === 'up')) return verdict('up', null, working[0]);
  const down = first('down');
  if (down && working.some((i) => i.beat.state === 'up'))
    return verdict('degraded', 'instances-down', down);
  return verdict('degraded', 'reported', first('degraded') ?? down);
}
