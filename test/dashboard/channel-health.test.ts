import { Topics } from '@app/contracts';
import { envelope } from '../support/apps';
import {
  alwaysOpenCalendarFile,
  getJson,
  getJsonAs,
  healthBeat,
  publishBeats,
  signIn,
  startTestDashboard,
  type RunningDashboard,
} from '../support/dashboard/dashboard-app';
import { DashboardCore } from '../support/dashboard/dashboard-core';
import { publish } from '../support/intake-helpers';
import { eventually } from '../support/kafka-helpers';
import { TEST_METRICS_TOKEN } from '../support/services';
import { TestEnvironment } from '../support/test-environment';

/**
 * The dashboard against the real broker and a real core: beats published on channels.health.v1
 * become rows of GET /api/v1/channels/health; tokens are core's own, and the SLA and dead-letter
 * figures are those of cases and a dead letter core really has.
 */
jest.setTimeout(30_000);

describe('Dashboard: channel health from the health topic', () => {
  const env = new TestEnvironment('dashboard_health');
  let core: DashboardCore;
  let dashboard: RunningDashboard;
  let opsToken: string;
  let managerToken: string;
  /** The manager's region, and another one. */
  let region: string;
  let otherRegion: string;
  let sequence = 0;
  const account = (name: string) => `${name}-${sequence++}@ornek.com.tr`;

  const health = () => getJson(`${dashboard.url}/api/v1/channels/health`, opsToken);
  const rowOf = async (key: string) =>
    ((await health()).body?.channels as any[] | undefined)?.find((r) => r.key === key);
  const rowWhen = (key: string, where: (row: any) => boolean, what: string) =>
    eventually(
      async () => {
        const row = await rowOf(key);
        return row && where(row) ? row : undefined;
      },
      15_000,
      what,
    );

  beforeAll(async () => {
    core = await DashboardCore.start(env);
    const [here, there] = await core.storesInTwoRegions();
    region = here.region_code;
    otherRegion = there.region_code;
    opsToken = (await core.issueToken('nobetci-ops', 'ops')).token;
    managerToken = (await core.issueToken('bolge-muduru', 'manager', region)).token;
    // Two open cases in the manager's region, one elsewhere; and one mail core could not take in.
    await core.openCases(
      { storeCode: here.code },
      { storeCode: here.code },
      { storeCode: there.code },
    );
    await core.deadLetterOne({ channel: 'email', channelAccount: 'sikayet@ornek.com.tr' });
    dashboard = await startTestDashboard(env, core.url, {
      DASHBOARD_CORE_CONSUMER_GROUP: core.group,
      DASHBOARD_BUSINESS_CALENDAR_FILE: alwaysOpenCalendarFile(),
      DASHBOARD_QUIET_PERIODS: JSON.stringify({
        defaultMinutes: null,
        accounts: { 'web-form:quiet-shop': 5 },
      }),
    });
  }, 120_000);

  afterAll(async () => {
    await dashboard?.close();
    await core?.stop();
    await env.destroy();
  }, 60_000);

  it('refuses requests without a token or with one core does not know', async () => {
    expect((await getJson(`${dashboard.url}/api/v1/channels/health`)).status).toBe(401);
    const unknown = await getJson(`${dashboard.url}/api/v1/channels/health`, 'not-a-core-token');
    expect(unknown.status).toBe(401);
    // The same request with a token core issued passes: the refusal was core's word.
    expect((await health()).status).toBe(200);
    // The page itself sends a visitor without a session to the sign-in form.
    const page = await fetch(`${dashboard.url}/`, { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/login');
  });

  it('shows each channel account with the state its beats report, its figures and last error', async () => {
    const mailbox = account('destek');
    const broken = account('iade');
    const now = Date.now();
    await publishBeats(env, [
      healthBeat({
        channelAccount: mailbox,
        lastMessageAt: new Date(now - 90_000).toISOString(),
        counters: { received: 2, errors: 0, sent: 0 },
      }),
      healthBeat({
        channelAccount: mailbox,
        at: new Date(now + 500).toISOString(),
        lastMessageAt: new Date(now - 42_000).toISOString(),
        counters: { received: 9, errors: 1, sent: 0 },
        lastError: {
          at: new Date(now - 1_000).toISOString(),
          code: 'imap_timeout',
          message: 'IMAP fetch timed out',
        },
      }),
      healthBeat({ channelAccount: broken, state: 'down', detail: 'imap-auth-failed' }),
      healthBeat({
        channel: 'x',
        channelAccount: '2244994945',
        instanceId: 'x-1',
        state: 'disabled',
        detail: 'no-credentials',
      }),
    ]);
    const row = await rowWhen(
      `email:${mailbox}`,
      (r) => r.receivedLastHour === 9,
      'the mailbox row',
    );
    expect(row).toMatchObject({
      channel: 'email',
      account: mailbox,
      state: 'up',
      lastMessageAt: new Date(now - 42_000).toISOString(),
      receivedLastHour: 9,
      errorsLastHour: 1,
      errorRate: 0.1,
      lastError: { code: 'imap_timeout', message: 'IMAP fetch timed out' },
      // The one broken mail core dead-lettered, counted against the email channel.
      deadLettersWaiting: 1,
    });
    expect(row.perMinute.received).toHaveLength(60);
    expect(row.perMinute.received.reduce((a: number, b: number) => a + b, 0)).toBe(9);
    expect(await rowOf(`email:${broken}`)).toMatchObject({
      state: 'down',
      reason: 'reported',
      detail: 'imap-auth-failed',
    });
    expect(await rowOf('x:2244994945')).toMatchObject({ state: 'disabled' });
  });

  it('turns a row down when its beats stop for a few intervals, and up again when they return', async () => {
    const mailbox = account('sessiz');
    await publishBeats(env, [healthBeat({ channelAccount: mailbox, intervalMs: 1_000 })]);
    await rowWhen(`email:${mailbox}`, (r) => r.state === 'up', 'the row up');
    // Three intervals of one second without a beat.
    const down = await rowWhen(`email:${mailbox}`, (r) => r.state === 'down', 'the row down');
    expect(down.reason).toBe('no-beat');
    await publishBeats(env, [healthBeat({ channelAccount: mailbox, intervalMs: 1_000 })]);
    await rowWhen(`email:${mailbox}`, (r) => r.state === 'up', 'the row up again');
  });

  it('raises the silent-channel alarm: no message for longer than the quiet period in working time is degraded', async () => {
    await publishBeats(env, [
      healthBeat({
        channel: 'web-form',
        channelAccount: 'quiet-shop',
        instanceId: 'web-form-1',
        intervalMs: 60_000,
        lastMessageAt: new Date(Date.now() - 6 * 60_000).toISOString(),
      }),
    ]);
    const row = await rowWhen('web-form:quiet-shop', () => true, 'the quiet web form');
    expect(row).toMatchObject({ state: 'degraded', reason: 'silent', quietPeriodMinutes: 5 });
  });

  it('draws the QR code of a WhatsApp session waiting to be linked, for ops only', async () => {
    await publishBeats(env, [
      healthBeat({
        channel: 'whatsapp',
        channelAccount: '905321234567',
        instanceId: 'wa-1',
        intervalMs: 60_000,
        state: 'needs-auth',
        detail: 'qr-required',
        qr: '2@y8VgHqK3,abcDEF123,xyz789==,1',
      }),
    ]);
    const row = await rowWhen('whatsapp:905321234567', () => true, 'the WhatsApp row');
    expect(row.state).toBe('needs-auth');
    expect(row.qrImage).toMatch(/^data:image\/png;base64,/);
    expect(row).not.toHaveProperty('qr');
    const manager = await getJson(`${dashboard.url}/api/v1/channels/health`, managerToken);
    const managerRow = manager.body.channels.find((r: any) => r.key === 'whatsapp:905321234567');
    expect(managerRow).toMatchObject({
      state: 'needs-auth',
      qrImage: null,
      deadLettersWaiting: null,
    });
  });

  it('brings core’s SLA figures, a manager’s for their region only, and dead letters for ops only', async () => {
    const ops = (await health()).body;
    expect(ops.viewer).toEqual({ name: 'nobetci-ops', role: 'ops', regionCode: null });
    expect(ops.sla).toMatchObject({
      openByStatus: { created: 3 },
      escalatedOpen: 0,
      // Nothing resolved yet: no figure rather than a made-up one.
      resolvedWithinTargetShare: null,
      averageResolutionHours: null,
    });
    expect(ops.sla.openByRegion).toHaveLength(2);
    expect(ops.sla.openByRegion).toEqual(
      expect.arrayContaining([
        { regionCode: region, count: 2 },
        { regionCode: otherRegion, count: 1 },
      ]),
    );
    // Why it was refused, as core stored it: the envelope broke the contract.
    expect(ops.deadLetters).toEqual({
      waiting: 1,
      byChannel: { email: 1 },
      byReason: { contract_violation: 1 },
    });
    expect(ops.core.reachable).toBe(true);
    const manager = (await getJson(`${dashboard.url}/api/v1/channels/health`, managerToken)).body;
    expect(manager.viewer).toEqual({ name: 'bolge-muduru', role: 'manager', regionCode: region });
    // Core decides what a manager sees, as the dashboard asks with the manager's own token.
    expect(manager.sla.openByStatus).toEqual({ created: 2 });
    expect(manager.sla.openByRegion).toEqual([{ regionCode: region, count: 2 }]);
    expect(manager.deadLetters).toBeNull();
  });

  it('shows the open cases core’s SLA monitor warned about or found past a deadline, per target and for a manager’s region only', async () => {
    const before = (await health()).body.sla;
    expect(before).toMatchObject({ warningsOpen: 0, breachedOpen: 0 });
    // The manager's case runs towards its registration deadline; the other region's is past its
    // resolution deadline, which escalates it.
    const [warned] = await core.openCaseIds(region);
    const [breached] = await core.openCaseIds(otherRegion);
    await core.runLate(warned, 'registration', 'warning');
    await core.runLate(breached, 'resolution', 'breached');

    const sla = await eventually(
      async () => {
        const figures = (await health()).body.sla;
        return figures.breachedOpen === 1 ? figures : undefined;
      },
      15_000,
      'the breach on the board',
    );
    expect(sla).toMatchObject({
      warningsOpen: 1,
      breachedOpen: 1,
      escalatedOpen: 1,
      alertsByTarget: {
        acknowledge: { warning: 0, breached: 0 },
        registration: { warning: 1, breached: 0 },
        resolution: { warning: 0, breached: 1 },
      },
    });
    // Core's own answer splits them by region as it does the open cases.
    const coreAnswer = (await getJson(`${core.url}/api/v1/stats/sla`, opsToken)).body;
    expect(coreAnswer.alerts.byRegion).toEqual(
      expect.arrayContaining([
        { regionCode: region, target: 'registration', warning: 1, breached: 0 },
        { regionCode: otherRegion, target: 'resolution', warning: 0, breached: 1 },
      ]),
    );
    expect(coreAnswer.alerts.byRegion).toHaveLength(2);
    // The manager sees the warning in their region, not the other region's breach.
    const manager = await eventually(
      async () => {
        const figures = (await getJson(`${dashboard.url}/api/v1/channels/health`, managerToken))
          .body.sla;
        return figures.warningsOpen === 1 ? figures : undefined;
      },
      15_000,
      'the warning on the manager’s board',
    );
    expect(manager).toMatchObject({ warningsOpen: 1, breachedOpen: 0, escalatedOpen: 0 });
  });

  it('streams snapshots as server-sent events, and ends the stream once core revokes the token', async () => {
    const { id, token } = await core.issueToken('gecici-ops', 'ops');
    const response = await fetch(`${dashboard.url}/api/v1/channels/stream`, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = '';
    const until = async (pattern: RegExp) => {
      const deadline = Date.now() + 15_000;
      while (!pattern.test(received)) {
        if (Date.now() > deadline) throw new Error(`no ${pattern} in: ${received.slice(-300)}`);
        const { value, done } = await reader.read();
        if (done) break;
        received += value;
      }
      return pattern.test(received);
    };
    expect(await until(/event: snapshot\n(id: \d+\n)?data: \{.*\n\n/)).toBe(true);
    const first = JSON.parse(/event: snapshot\n(?:id: \d+\n)?data: (.*)\n/.exec(received)![1]);
    expect(first.viewer).toMatchObject({ name: 'gecici-ops', role: 'ops' });
    await core.revokeToken(id);
    expect(await until(/event: signed-out/)).toBe(true);
    // The server closes the stream after it.
    const deadline = Date.now() + 5_000;
    let done = false;
    while (!done && Date.now() < deadline) done = (await reader.read()).done;
    expect(done).toBe(true);
  });

  it('signs in with a core token through the form into an HttpOnly session cookie', async () => {
    const form = await fetch(`${dashboard.url}/login`);
    const html = await form.text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(html)![1];
    const csrfCookie = form.headers.getSetCookie().find((c) => c.startsWith('dashboard_signin='))!;
    const post = (token: string) =>
      fetch(`${dashboard.url}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Cookie: csrfCookie.split(';')[0],
        },
        body: new URLSearchParams({ csrf, token }).toString(),
      });
    const refused = await post('wrong-token');
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain('data-error="token_rejected"');
    const signedIn = await post(opsToken);
    expect(signedIn.status).toBe(303);
    const session = signedIn.headers
      .getSetCookie()
      .find((c) => c.startsWith('dashboard_session='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Strict/i);
    expect(session).not.toContain(opsToken);
    const viaCookie = await fetch(`${dashboard.url}/api/v1/channels/health`, {
      headers: { Cookie: session.split(';')[0] },
    });
    expect(viaCookie.status).toBe(200);
    expect(((await viaCookie.json()) as any).viewer.role).toBe('ops');
  });
  // Last, as it stops core.
  it('reads core’s consumer lag from the broker: none while core keeps up, growing once it stops; exported at /metrics', async () => {
    // Signed in while core answers; the session carries on without it.
    const cookie = await signIn(dashboard.url, opsToken);
    const board = async () =>
      (await getJsonAs(`${dashboard.url}/api/v1/channels/health`, cookie)).body;
    const intakeLag = (lag: number) =>
      eventually(
        async () => {
          const topics = (await board()).consumerLag.topics as any[];
          return topics.find((t) => t.topic === Topics.IntakeMessages && t.lag === lag);
        },
        15_000,
        `a lag of ${lag} on the intake topic`,
      );
    expect(await intakeLag(0)).toMatchObject({ group: core.group, partitions: 3 });
    // Every topic core reads, with the group that reads it: the case events with the customer
    // side's own group, caught up (another group's offsets would leave every event counted).
    const caseEvents = await eventually(
      async () => {
        const topics = (await board()).consumerLag.topics as any[];
        return topics.find((t) => t.topic === Topics.CaseEvents && t.lag === 0);
      },
      15_000,
      'the case events caught up by core’s customer side',
    );
    expect(caseEvents.group).toBe(`${core.group}-customer-side`);
    const rows = (await board()).consumerLag.topics as any[];
    expect(rows.map((t) => [t.group, t.topic]).sort()).toEqual(
      [
        [core.group, Topics.IntakeMessages],
        [core.group, Topics.OutboundReceipts],
        [core.group, Topics.DeadLetters],
        [`${core.group}-customer-side`, Topics.CaseEvents],
      ].sort(),
    );

    await core.stop();
    await publish(env, envelope(), envelope(), envelope());
    expect(await intakeLag(3)).toMatchObject({ group: core.group, partitions: 3 });
    // The board keeps the last figures it had, and says core is not answering.
    const unreachable = await eventually(
      async () => {
        const body = await board();
        return body.core.reachable === false ? body : undefined;
      },
      15_000,
      'core shown unreachable',
    );
    expect(unreachable.sla.openByStatus).toEqual({ created: 3 });

    expect((await fetch(`${dashboard.url}/metrics`)).status).toBe(401);
    const metrics = await fetch(`${dashboard.url}/metrics`, {
      headers: { Authorization: `Bearer ${TEST_METRICS_TOKEN}` },
    });
    expect(metrics.status).toBe(200);
    const exposition = await metrics.text();
    expect(exposition).toContain(
      `gateway_consumer_lag{group="${core.group}",topic="${Topics.IntakeMessages}"} 3`,
    );
    // The board itself, for alerting without the page.
    expect(exposition).toContain(
      'gateway_channel_state{channel="whatsapp",account="905321234567",state="needs-auth"} 1',
    );
    expect(exposition).toContain(
      'gateway_channel_state{channel="web-form",account="quiet-shop",state="degraded"} 1',
    );
  });
});
