import { inboundMessageKey, Topics, type DeadLetterV1 } from '@app/contracts';
import { randomUUID } from 'node:crypto';
import { envelope, startTestCore, type RunningApp } from '../support/apps';
import { decided } from '../support/intake-helpers';
import { eventually, produceRaw } from '../support/kafka-helpers';
import { TEST_ADMIN_TOKEN, TEST_METRICS_TOKEN } from '../support/services';
import { TestEnvironment } from '../support/test-environment';
import { opsClient, seedStores } from './ops-support';

describe('dead letters, SLA figures and consumer lag for the dashboard', () => {
  const env = new TestEnvironment('ops_dlq');
  let core: RunningApp;
  let ops: ReturnType<typeof opsClient>;
  let admin: ReturnType<typeof opsClient>;

  /** A dead letter as an adapter's or core's consumer writes it, around a valid envelope. */
  function letterFor(m: ReturnType<typeof envelope>, code = 'database_error_23505'): DeadLetterV1 {
    return {
      schemaVersion: 1,
      deadLetterId: randomUUID(),
      failedAt: new Date().toISOString(),
      service: 'core',
      reason: { code, message: 'failed while processing' },
      source: {
        kind: 'kafka',
        topic: Topics.IntakeMessages,
        partition: 1,
        offset: '42',
        key: inboundMessageKey(m),
      },
      payload: { encoding: 'utf8', data: JSON.stringify(m) },
      headers: { 'content-type': 'application/json' },
      attempts: 8,
    };
  }

  async function toDlq(...letters: DeadLetterV1[]) {
    await produceRaw(
      env.kafka,
      env.topic(Topics.DeadLetters),
      letters.map((l) => ({ key: l.deadLetterId, value: JSON.stringify(l) })),
    );
  }

  const stored = (id: string) =>
    eventually(
      async () => {
        const rows = await env.sql(`SELECT id FROM core.dead_letters WHERE id = $1`, [id]);
        return rows.length > 0 ? true : undefined;
      },
      20_000,
      `dead letter ${id}`,
    );

  beforeAll(async () => {
    core = await startTestCore(env, {
      CORE_CONSUMER_GROUP: `core-${env.id}`,
      CORE_MAX_ATTEMPTS: '1',
      CONSUMER_LAG_INTERVAL_MS: '500',
    });
    admin = opsClient(core.url, TEST_ADMIN_TOKEN);
    await seedStores(core);
    const token = await admin.post('/api/v1/tokens', { name: 'night shift', role: 'ops' });
    ops = opsClient(core.url, token.body.token);
  }, 120_000);

  afterAll(async () => {
    await core?.close();
    await env.destroy();
  }, 60_000);

  it('takes a message core refused into the list, and shows it with personal data masked', async () => {
    // Breaks the envelope contract (no text), so core dead-letters it on its own.
    const broken = {
      ...envelope({
        channel: 'whatsapp',
        channelAccount: '+908501112233',
        sender: {
          name: 'Mehmet',
          surname: 'Öztürk',
          phone: '+905339876543',
          whatsappId: '905339876543',
        },
        text: 'Siparişim 12 gündür gelmedi, adresim Moda Caddesi No 5.',
      }),
      text: undefined,
      schemaVersion: 1,
    };
    const raw = JSON.stringify({ ...broken, text: 42 });
    await produceRaw(env.kafka, env.topic(Topics.IntakeMessages), [
      { key: `whatsapp:${broken.sender.phone}`, value: raw },
    ]);
    const listed = await eventually(async () => {
      const res = await ops.get('/api/v1/dead-letters?channel=whatsapp&status=waiting');
      return res.body.length > 0 ? res.body : undefined;
    }, 30_000);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      channel: 'whatsapp',
      status: 'waiting',
      sourceTopic: Topics.IntakeMessages,
      reason: { code: 'contract_violation' },
    });

    const summary = await ops.get('/api/v1/dead-letters/summary');
    expect(summary.body).toEqual([
      expect.objectContaining({
        channel: 'whatsapp',
        waiting: 1,
        byReason: { contract_violation: 1 },
      }),
    ]);

    const inspected = await ops.get(`/api/v1/dead-letters/${listed[0].id}`);
    expect(inspected.status).toBe(200);
    expect(inspected.body).toMatchObject({
      partition: expect.any(Number),
      offset: expect.stringMatching(/^\d+$/),
      replayable: true,
      payload: { channel: 'whatsapp', sender: { name: 'M***', phone: '***43' }, text: 42 },
    });
    const shown = JSON.stringify(inspected.body);
    for (const secret of ['Mehmet', 'Öztürk', '905339876543', '9876543', 'Moda']) {
      expect(shown).not.toContain(secret);
    }
    expect(inspected.body.audit).toEqual([
      expect.objectContaining({ actor: 'night shift', action: 'inspected' }),
    ]);
    expect((await ops.get(`/api/v1/dead-letters/${randomUUID()}`)).status).toBe(404);
  }, 60_000);

  it('replays one letter to its source topic, and the message becomes a case', async () => {
    const m = envelope();
    const letter = letterFor(m);
    await toDlq(letter);
    await stored(letter.deadLetterId);

    const replayed = await ops.post(`/api/v1/dead-letters/${letter.deadLetterId}/replay`);
    expect(replayed.status).toBe(200);
    expect(replayed.body).toMatchObject({ status: 'replayed', replayCount: 1 });
    const { reference } = await decided(env, m.messageId);
    expect(reference).toMatch(/^KM-\d{4}-\d{6}-\d$/);

    const again = await ops.post(`/api/v1/dead-letters/${letter.deadLetterId}/replay`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('dead_letter_not_waiting');
  }, 60_000);

  it('replays every waiting letter of a channel, and discards with a reason, all audited', async () => {
    const mails = [1, 2].map(() =>
      envelope({
        channel: 'email',
        channelAccount: 'sikayet@ornek.com.tr',
        sourceId: `<${randomUUID()}@example.com>`,
        sender: { email: `musteri-${randomUUID().slice(0, 8)}@example.com` },
      }),
    );
    const letters = mails.map((m) => letterFor(m));
    const junk = letterFor(envelope({ channel: 'email', sender: { email: 'x@example.com' } }));
    await toDlq(...letters, junk);
    for (const l of [...letters, junk]) await stored(l.deadLetterId);

    const discarded = await ops.post(`/api/v1/dead-letters/${junk.deadLetterId}/discard`, {
      reason: 'test message from the vendor',
    });
    expect(discarded.status).toBe(200);
    expect(discarded.body.status).toBe('discarded');
    expect((await ops.post(`/api/v1/dead-letters/${junk.deadLetterId}/discard`, {})).status).toBe(
      400,
    );

    const all = await ops.post('/api/v1/dead-letters/replay', { channel: 'email' });
    expect(all.body).toEqual({ channel: 'email', replayed: 2, failed: [] });
    for (const m of mails) await decided(env, m.messageId);
    expect((await ops.get('/api/v1/dead-letters?channel=email&status=waiting')).body).toEqual([]);

    const audit = await env.sql<{
      dead_letter_id: string;
      actor: string;
      action: string;
      details: any;
    }>(`SELECT dead_letter_id, actor, action, details FROM core.dead_letter_audit ORDER BY id`);
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          dead_letter_id: junk.deadLetterId,
          actor: 'night shift',
          action: 'discarded',
          details: { reason: 'test message from the vendor' },
        }),
        ...letters.map((l) =>
          expect.objectContaining({ dead_letter_id: l.deadLetterId, action: 'replayed' }),
        ),
      ]),
    );
  }, 60_000);

  it('keeps managers away from dead letters', async () => {
    const [{ code }] = await env.sql<{ code: string }>(`SELECT code FROM core.regions LIMIT 1`);
    const token = await admin.post('/api/v1/tokens', {
      name: 'm',
      role: 'manager',
      regionCode: code,
    });
    const manager = opsClient(core.url, token.body.token);
    expect((await manager.get('/api/v1/dead-letters')).status).toBe(403);
  });

  it('serves SLA figures and measures consumer lag into /metrics', async () => {
    const stats = await ops.get('/api/v1/stats/sla');
    expect(stats.status).toBe(200);
    expect(stats.body.openCases.total).toBe(3);
    expect(stats.body.openCases.byStatus).toEqual({ created: 3 });
    expect(stats.body).toMatchObject({
      acknowledgement: { targetHours: 6 },
      resolution: { targetDays: 10, resolved: 0 },
      escalated: { open: 0, total: 0 },
    });
    expect(stats.body).toHaveProperty('satisfaction');

    const lag = await ops.get('/api/v1/stats/consumer-lag');
    expect(lag.body.topics).toEqual(
      expect.arrayContaining([
        { topic: Topics.IntakeMessages, lag: 0, groupId: `core-${env.id}` },
        // Its lag moves while the customer's side works: only that it is measured, per group.
        expect.objectContaining({
          topic: Topics.CaseEvents,
          groupId: `core-${env.id}-customer-side`,
        }),
      ]),
    );
    const metrics = await fetch(`${core.url}/metrics`, {
      headers: { Authorization: `Bearer ${TEST_METRICS_TOKEN}` },
    });
    expect(await metrics.text()).toContain(
      `gateway_consumer_lag{group="core-${env.id}",topic="${Topics.IntakeMessages}"} 0`,
    );
  });
});
