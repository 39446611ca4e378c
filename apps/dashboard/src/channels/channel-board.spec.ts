import type { ChannelHealthV1 } from '@app/contracts';
import { QuietPeriods } from '../calendar/quiet-periods';
import { WorkingHours } from '../calendar/working-hours';
import { ChannelBoard } from './channel-board';

/** A wall-clock time in Istanbul (UTC+3 all year) as epoch milliseconds. */
const ist = (local: string) => Date.parse(`${local}+03:00`);
const iso = (ms: number) => new Date(ms).toISOString();
const MINUTE = 60_000;

const weekdays = [['09:00', '18:00']];
const hours = WorkingHours.parse({
  timeZone: 'Europe/Istanbul',
  workingHours: {
    mon: weekdays,
    tue: weekdays,
    wed: weekdays,
    thu: weekdays,
    fri: weekdays,
    sat: [],
    sun: [],
  },
});

function beat(atMs: number, overrides: Partial<ChannelHealthV1> = {}): ChannelHealthV1 {
  return {
    schemaVersion: 1,
    channel: 'email',
    channelAccount: 'destek@ornek.com.tr',
    instanceId: 'email-1',
    at: iso(atMs),
    state: 'up',
    detail: 'idle',
    intervalMs: 10_000,
    counters: { received: 0, errors: 0, sent: 0 },
    ...overrides,
  };
}

function board(quiet = QuietPeriods.parse({ defaultMinutes: 30 })): ChannelBoard {
  return new ChannelBoard({ downAfterBeats: 3, historyMs: 24 * 3_600_000 }, quiet, hours);
}

describe('ChannelBoard: the state of each channel account', () => {
  describe('silent-channel alarm', () => {
    it('turns an up channel degraded when no message came for longer than its quiet period in working hours', () => {
      const b = board();
      const now = ist('2026-01-07T11:00'); // Wednesday
      b.observe([beat(now - 5_000, { lastMessageAt: iso(ist('2026-01-07T10:15')) })], now);
      const [row] = b.rows(now);
      expect(row).toMatchObject({ state: 'degraded', reason: 'silent', quietPeriodMinutes: 30 });
    });

    it('keeps it up while the last message is within the quiet period', () => {
      const b = board();
      const now = ist('2026-01-07T11:00');
      b.observe([beat(now - 5_000, { lastMessageAt: iso(ist('2026-01-07T10:45')) })], now);
      expect(b.rows(now)[0]).toMatchObject({ state: 'up', reason: null });
    });

    it('does not alarm outside working hours, however long the silence', () => {
      const b = board();
      const saturday = ist('2026-01-10T11:00');
      b.observe(
        [beat(saturday - 5_000, { lastMessageAt: iso(ist('2026-01-09T12:00')) })],
        saturday,
      );
      expect(b.rows(saturday)[0]).toMatchObject({ state: 'up', reason: null });
      const night = ist('2026-01-07T22:00');
      const c = board();
      c.observe([beat(night - 5_000, { lastMessageAt: iso(ist('2026-01-07T10:00')) })], night);
      expect(c.rows(night)[0]).toMatchObject({ state: 'up' });
    });

    it('counts only working time: silence over the night is not silence', () => {
      const b = board();
      // Last message at 17:50 the evening before; at 09:15 only 25 working minutes have passed.
      const now = ist('2026-01-08T09:15');
      b.observe([beat(now - 5_000, { lastMessageAt: iso(ist('2026-01-07T17:50')) })], now);
      expect(b.rows(now)[0]).toMatchObject({ state: 'up' });
      const later = ist('2026-01-08T09:25');
      b.observe([beat(later - 5_000, { lastMessageAt: iso(ist('2026-01-07T17:50')) })], later);
      expect(b.rows(later)[0]).toMatchObject({ state: 'degraded', reason: 'silent' });
    });

    it('measures a channel that never received anything from its first beat', () => {
      const b = board();
      const start = ist('2026-01-07T10:00');
      b.observe([beat(start)], start);
      expect(b.rows(start + 20 * MINUTE)[0].state).toBe('down'); // no beats for 20 minutes
      b.observe([beat(start + 31 * MINUTE)], start + 31 * MINUTE);
      expect(b.rows(start + 31 * MINUTE)[0]).toMatchObject({ state: 'degraded', reason: 'silent' });
    });

    it('never alarms an account whose quiet period is switched off', () => {
      const b = board(
        QuietPeriods.parse({ defaultMinutes: 30, accounts: { 'email:destek@ornek.com.tr': null } }),
      );
      const now = ist('2026-01-07T15:00');
      b.observe([beat(now - 5_000, { lastMessageAt: iso(ist('2026-01-05T10:00')) })], now);
      expect(b.rows(now)[0]).toMatchObject({ state: 'up', quietPeriodMinutes: null });
    });

    it('leaves a channel that is already down or needs sign-in in that state', () => {
      const b = board();
      const now = ist('2026-01-07T11:00');
      b.observe(
        [
          beat(now - 5_000, {
            state: 'needs-auth',
            detail: 'qr-required',
            qr: '2@abc',
            lastMessageAt: iso(now - 300 * MINUTE),
          }),
        ],
        now,
      );
      expect(b.rows(now)[0]).toMatchObject({
        state: 'needs-auth',
        reason: 'reported',
        qr: '2@abc',
      });
    });
  });

  describe('beats that stop', () => {
    it('turns a row down once its instance missed more than downAfterBeats intervals', () => {
      const b = board(new QuietPeriods({ defaultMinutes: null }));
      const t0 = ist('2026-01-07T11:00');
      b.observe([beat(t0)], t0);
      expect(b.rows(t0 + 30_000)[0]).toMatchObject({ state: 'up' });
      expect(b.rows(t0 + 30_001)[0]).toMatchObject({ state: 'down', reason: 'no-beat' });
      // A beat again brings it back.
      b.observe([beat(t0 + 40_000)], t0 + 40_000);
      expect(b.rows(t0 + 41_000)[0]).toMatchObject({ state: 'up' });
    });

    it('says stopped when the last instance said goodbye, and hides its QR code', () => {
      const b = board(new QuietPeriods({ defaultMinutes: null }));
      const t0 = ist('2026-01-07T11:00');
      b.observe(
        [
          beat(t0, { state: 'needs-auth', qr: '2@abc' }),
          beat(t0 + 1_000, { state: 'down', detail: 'stopped' }),
        ],
        t0 + 1_000,
      );
      expect(b.rows(t0 + 2_000)[0]).toMatchObject({ state: 'down', reason: 'stopped', qr: null });
    });

    it('keeps a webhook channel up while one of its instances still beats, degraded meanwhile', () => {
      const b = board(new QuietPeriods({ defaultMinutes: null }));
      const t0 = ist('2026-01-07T11:00');
      b.observe([beat(t0, { instanceId: 'a' }), beat(t0, { instanceId: 'b' })], t0);
      b.observe([beat(t0 + 35_000, { instanceId: 'a' })], t0 + 35_000);
      expect(b.rows(t0 + 36_000)[0]).toMatchObject({
        state: 'up',
        instances: { alive: 1, total: 2 },
      });
      b.observe(
        [beat(t0 + 36_000, { instanceId: 'b', state: 'down', detail: 'imap-error' })],
        t0 + 36_000,
      );
      expect(b.rows(t0 + 37_000)[0]).toMatchObject({ state: 'degraded', reason: 'instances-down' });
    });

    it('forgets accounts not heard from for longer than the history kept', () => {
      const b = new ChannelBoard(
        { downAfterBeats: 3, historyMs: 3_600_000 },
        new QuietPeriods(),
        hours,
      );
      const t0 = ist('2026-01-07T11:00');
      b.observe([beat(t0)], t0);
      expect(b.rows(t0 + 3_600_001)).toEqual([]);
    });
  });

  describe('figures', () => {
    it('fills the per-minute series from counter deltas, across an instance restart', () => {
      const b = board(new QuietPeriods({ defaultMinutes: null }));
      const t0 = ist('2026-01-07T11:00');
      b.observe(
        [
          beat(t0, { counters: { received: 4, errors: 0, sent: 0 } }),
          beat(t0 + MINUTE, { counters: { received: 10, errors: 1, sent: 0 } }),
          // Restarted: counters begin again at 0.
          beat(t0 + 2 * MINUTE, { counters: { received: 3, errors: 0, sent: 0 } }),
        ],
        t0 + 2 * MINUTE,
      );
      const row = b.rows(t0 + 2 * MINUTE)[0];
      expect(row.perMinute.received).toHaveLength(60);
      expect(row.perMinute.received.slice(-3)).toEqual([4, 6, 3]);
      expect(row.perMinute.errors.slice(-3)).toEqual([0, 1, 0]);
      expect(row).toMatchObject({ receivedLastHour: 13, errorsLastHour: 1, errorRate: 1 / 14 });
    });

    it('keeps the newest last message, last success and last error across instances', () => {
      const b = board(new QuietPeriods({ defaultMinutes: null }));
      const t0 = ist('2026-01-07T11:00');
      b.observe(
        [
          beat(t0, {
            instanceId: 'a',
            lastMessageAt: iso(t0 - 5_000),
            lastSuccessAt: iso(t0 - 1_000),
            lastError: { at: iso(t0 - 9_000), code: 'imap_auth', message: 'AUTHENTICATIONFAILED' },
          }),
          beat(t0, {
            instanceId: 'b',
            lastMessageAt: iso(t0 - 9_000),
            lastSuccessAt: iso(t0 - 500),
          }),
        ],
        t0,
      );
      expect(b.rows(t0)[0]).toMatchObject({
        lastMessageAt: iso(t0 - 5_000),
        lastSuccessAt: iso(t0 - 500),
        lastError: { code: 'imap_auth', message: 'AUTHENTICATIONFAILED' },
      });
    });

    it('lists channels in a fixed order, accounts alphabetically', () => {
      const b = board();
      const t0 = ist('2026-01-07T11:00');
      b.observe(
        [
          beat(t0, { channel: 'x', channelAccount: '1' }),
          beat(t0, { channel: 'email', channelAccount: 'b@ornek.com.tr' }),
          beat(t0, { channel: 'email', channelAccount: 'a@ornek.com.tr' }),
        ],
        t0,
      );
      expect(b.rows(t0).map((r) => r.key)).toEqual([
        'email:a@ornek.com.tr',
        'email:b@ornek.com.tr',
        'x:1',
      ]);
    });
  });
});
