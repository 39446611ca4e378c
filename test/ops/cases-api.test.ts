import { randomUUID } from 'node:crypto';
import { ChangeCaseStatus } from '../../apps/core/src/workflow/change-case-status.usecase';
import { CloseQuietCasesJob } from '../../apps/core/src/workflow/close-quiet-cases.job';
import { envelope, startTestCore, type RunningApp } from '../support/apps';
import { decided, eventOf, eventsOf, publish } from '../support/intake-helpers';
import { TEST_ADMIN_TOKEN } from '../support/services';
import { TestEnvironment } from '../support/test-environment';
import { opsClient, seedStores } from './ops-support';

describe('the ops case API: tokens and roles, list, status workflow, notes', () => {
  const env = new TestEnvironment('ops_cases');
  let core: RunningApp;
  let admin: ReturnType<typeof opsClient>;
  let stores: { code: string; region_code: string }[];
  /** Cases opened for the test: reference by name. */
  const refs: Record<string, string> = {};
  const caseIds: Record<string, string> = {};

  async function open(overrides: Parameters<typeof envelope>[0]) {
    const m = envelope(overrides);
    await publish(env, m);
    return m;
  }

  beforeAll(async () => {
    core = await startTestCore(env, {
      // Its own consumer group: core's default group "core" is shared by every core on the test broker.
      CORE_CONSUMER_GROUP: `core-${env.id}`,
      SLA_CHECK_INTERVAL_MS: '3600000',
      CASE_CLOSE_CHECK_INTERVAL_MS: '3600000',
      CASE_CLOSE_AFTER_RESOLVED_DAYS: '14',
    });
    admin = opsClient(core.url, TEST_ADMIN_TOKEN);
    await seedStores(core);
    // One store in each of two regions.
    stores = await env.sql(
      `SELECT DISTINCT ON (region_code) code, region_code FROM core.stores WHERE active ORDER BY region_code, code LIMIT 2`,
    );
    const messages = {
      a1: await open({ storeCode: stores[0].code, channel: 'web-form' }),
      a2: await open({
        storeCode: stores[0].code,
        channel: 'email',
        channelAccount: 'sikayet@ornek.com.tr',
        sourceId: `<${randomUUID()}@example.com>`,
        sender: { email: 'kerem@example.com' },
        text: 'Kargom İSTANBUL deposunda bekliyor, teslimat gecikti ve kimse arayıp bilgi vermedi.',
      }),
      b1: await open({ storeCode: stores[1].code, channel: 'web-form' }),
      b2: await open({
        storeCode: stores[1].code,
        channel: 'web-form',
        declaredType: 'suggestion',
        sender: { name: 'Zeynep', phone: '+905551112233' },
        text: 'Mağazaya bebek bezi değiştirme odası eklenirse çok iyi olur.',
      }),
    };
    for (const [name, m] of Object.entries(messages)) {
      const d = await decided(env, m.messageId);
      refs[name] = d.reference!;
      caseIds[name] = d.case_id!;
    }
  }, 120_000);

  afterAll(async () => {
    await core?.close();
    await env.destroy();
  }, 60_000);

  it('serves the OpenAPI description with the bearer scheme at /docs', async () => {
    const page = await fetch(`${core.url}/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger');
    const doc = (await (await fetch(`${core.url}/docs-json`)).json()) as {
      paths: Record<string, unknown>;
      components: { securitySchemes: Record<string, { scheme: string }> };
    };
    expect(doc.components.securitySchemes['api-token'].scheme).toBe('bearer');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/cases',
        '/api/v1/cases/{reference}/status',
        '/api/v1/cases/{reference}/notes',
        '/api/v1/tokens',
        '/api/v1/auth/me',
      ]),
    );
  });

  it('issues tokens once, stores only their hash, enforces roles and revokes at once', async () => {
    expect((await opsClient(core.url, null).get('/api/v1/cases')).status).toBe(401);
    expect((await opsClient(core.url, 'not-a-token').get('/api/v1/cases')).status).toBe(401);
    expect((await admin.get('/api/v1/auth/me')).body).toEqual({ name: 'admin', role: 'admin' });

    const created = await admin.post('/api/v1/tokens', { name: 'ops desk', role: 'ops' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'ops desk', role: 'ops', regionCode: null });
    const secret: string = created.body.token;
    const ops = opsClient(core.url, secret);
    expect((await ops.get('/api/v1/auth/me')).body).toEqual({ name: 'ops desk', role: 'ops' });
    // Ops work cases but do not manage tokens.
    expect((await ops.get('/api/v1/cases')).status).toBe(200);
    expect((await ops.get('/api/v1/tokens')).status).toBe(403);
    expect((await ops.post('/api/v1/tokens', { name: 'x', role: 'admin' })).status).toBe(403);

    const [stored] = await env.sql<{ token_hash: Buffer }>(
      `SELECT token_hash FROM core.api_tokens WHERE id = $1`,
      [created.body.id],
    );
    expect(stored.token_hash.toString('hex')).not.toContain(Buffer.from(secret).toString('hex'));
    expect(stored.token_hash).toHaveLength(32);
    const listed = await admin.get('/api/v1/tokens');
    expect(listed.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: created.body.id, name: 'ops desk' })]),
    );
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    // A manager needs a region, and a real one.
    expect((await admin.post('/api/v1/tokens', { name: 'm', role: 'manager' })).status).toBe(400);
    expect(
      (await admin.post('/api/v1/tokens', { name: 'm', role: 'manager', regionCode: 'NOPE' }))
        .status,
    ).toBe(422);

    expect((await admin.delete(`/api/v1/tokens/${created.body.id}`)).status).toBe(204);
    expect((await ops.get('/api/v1/auth/me')).status).toBe(401);
    expect((await admin.delete(`/api/v1/tokens/${created.body.id}`)).status).toBe(404);
  });

  it("shows a manager only their region's cases and lets them change only those", async () => {
    const region = stores[0].region_code;
    const created = await admin.post('/api/v1/tokens', {
      name: 'manager one',
      role: 'manager',
      regionCode: region,
    });
    const manager = opsClient(core.url, created.body.token);
    expect((await manager.get('/api/v1/auth/me')).body).toEqual({
      name: 'manager one',
      role: 'manager',
      regionCode: region,
    });
    // Asking for another region does not widen the view.
    const list = await manager.get(`/api/v1/cases?region=${stores[1].region_code}&pageSize=200`);
    expect(list.status).toBe(200);
    const seen = list.body.items.map((c: { reference: string }) => c.reference);
    expect(seen).toEqual(expect.arrayContaining([refs.a1, refs.a2]));
    expect(seen).not.toContain(refs.b1);
    expect(list.body.items.every((c: any) => c.routing.regionCode === region)).toBe(true);

    expect((await manager.get(`/api/v1/cases/${refs.a1}`)).status).toBe(200);
    expect((await manager.get(`/api/v1/cases/${refs.b1}`)).status).toBe(404);
    expect((await manager.get(`/api/v1/cases/${refs.b1}/timeline`)).status).toBe(404);
    expect(
      (await manager.post(`/api/v1/cases/${refs.b1}/status`, { to: 'in_progress' })).status,
    ).toBe(404);
    expect((await manager.post(`/api/v1/cases/${refs.b1}/notes`, { text: 'x' })).status).toBe(404);
    const [b1] = await env.sql<{ status: string }>(`SELECT status FROM core.cases WHERE id = $1`, [
      caseIds.b1,
    ]);
    expect(b1.status).toBe('created');

    const moved = await manager.post(`/api/v1/cases/${refs.a2}/status`, {
      to: 'in_progress',
      reason: 'called the warehouse',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.status).toBe('in_progress');
  });

  it('filters, pages and sorts the case list', async () => {
    const refsOf = (body: { items: { reference: string }[] }) => body.items.map((c) => c.reference);
    const all = await admin.get('/api/v1/cases?pageSize=200');
    expect(all.body.total).toBe(4);

    const byStore = await admin.get(`/api/v1/cases?store=${stores[1].code}`);
    expect(refsOf(byStore.body).sort()).toEqual([refs.b1, refs.b2].sort());
    const byRegion = await admin.get(`/api/v1/cases?region=${stores[0].region_code}`);
    expect(refsOf(byRegion.body).sort()).toEqual([refs.a1, refs.a2].sort());
    expect(refsOf((await admin.get('/api/v1/cases?channel=email')).body)).toEqual([refs.a2]);
    expect(refsOf((await admin.get('/api/v1/cases?type=suggestion')).body)).toEqual([refs.b2]);
    const [{ category }] = await env.sql<{ category: string }>(
      `SELECT category FROM core.cases WHERE id = $1`,
      [caseIds.a2],
    );
    const byCategory = await admin.get(`/api/v1/cases?category=${category.split('.')[0]}`);
    expect(refsOf(byCategory.body)).toContain(refs.a2);
    expect(refsOf((await admin.get('/api/v1/cases?status=in_progress')).body)).toEqual([refs.a2]);
    expect(
      refsOf((await admin.get('/api/v1/cases?status=created,in_progress&pageSize=200')).body),
    ).toHaveLength(4);
    // Text: Turkish-aware folding finds "İSTANBUL" by "istanbul", and a reference by its digits.
    expect(refsOf((await admin.get('/api/v1/cases?q=istanbul')).body)).toEqual([refs.a2]);
    expect(refsOf((await admin.get(`/api/v1/cases?q=${refs.b1.slice(3, 14)}`)).body)).toEqual([
      refs.b1,
    ]);

    // Date range: none received tomorrow, all since an hour ago.
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    expect((await admin.get(`/api/v1/cases?from=${tomorrow}`)).body.total).toBe(0);
    expect((await admin.get(`/api/v1/cases?from=${hourAgo}&to=${tomorrow}`)).body.total).toBe(4);

    // SLA state: fresh cases are on time; one made overdue is breached.
    expect((await admin.get('/api/v1/cases?sla=on_time')).body.total).toBe(4);
    await env.sql(
      `UPDATE core.cases SET acknowledged_at = NULL, acknowledge_warn_at = now() - interval '2 hours', acknowledge_due_at = now() - interval '1 hour' WHERE id = $1`,
      [caseIds.b2],
    );
    await env.sql(
      `UPDATE core.cases SET acknowledged_at = NULL, acknowledge_warn_at = now() - interval '1 hour' WHERE id = $1`,
      [caseIds.b1],
    );
    expect(refsOf((await admin.get('/api/v1/cases?sla=breached')).body)).toEqual([refs.b2]);
    expect(refsOf((await admin.get('/api/v1/cases?sla=warning')).body)).toEqual([refs.b1]);
    const b2 = await admin.get(`/api/v1/cases/${refs.b2}`);
    expect(b2.body.sla.state).toBe('breached');

    // Pages: 4 cases, 3 per page, newest first by default; ascending when asked.
    const p1 = await admin.get('/api/v1/cases?pageSize=3&page=1');
    const p2 = await admin.get('/api/v1/cases?pageSize=3&page=2');
    expect(p1.body).toMatchObject({ page: 1, pageSize: 3, total: 4 });
    expect(p1.body.items).toHaveLength(3);
    expect(p2.body.items).toHaveLength(1);
    const paged = [...refsOf(p1.body), ...refsOf(p2.body)];
    expect(new Set(paged).size).toBe(4);
    const received = [...p1.body.items, ...p2.body.items].map((c: any) => c.receivedAt);
    expect(received).toEqual([...received].sort().reverse());
    const asc = await admin.get('/api/v1/cases?sort=receivedAt&pageSize=200');
    expect(refsOf(asc.body)).toEqual([...paged].reverse());

    const bad = await admin.get('/api/v1/cases?sla=late&pageSize=0');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'pageSize',
      'sla.0',
    ]);
  });

  it('walks a case created -> in_progress -> under_review -> resolved -> closed with the customer agreement', async () => {
    const ref = refs.a1;
    const path = ['in_progress', 'under_review', 'in_progress', 'resolved'] as const;
    for (const to of path) {
      const res = await admin.post(`/api/v1/cases/${ref}/status`, { to, reason: `to ${to}` });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe(to);
    }
    const resolved = await admin.get(`/api/v1/cases/${ref}`);
    expect(resolved.body.resolvedAt).not.toBeNull();

    // Ops cannot close before the quiet period: the customer has to agree first.
    const early = await admin.post(`/api/v1/cases/${ref}/status`, { to: 'closed' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('case_close_needs_agreement');

    const closed = await core.app.get(ChangeCaseStatus).execute({
      reference: ref,
      to: 'closed',
      actor: 'customer',
      by: 'customer',
      reason: 'customer_agreed',
    });
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).not.toBeNull();

    const after = await admin.post(`/api/v1/cases/${ref}/status`, { to: 'in_progress' });
    expect(after.status).toBe(409);
    expect(after.body.code).toBe('status_transition_forbidden');

    const timeline = await admin.get(`/api/v1/cases/${ref}/timeline`);
    const changes = timeline.body.entries.filter((e: any) => e.kind === 'status_changed');
    expect(changes.map((e: any) => [e.details.from, e.details.to, e.actor])).toEqual([
      ['created', 'in_progress', 'admin'],
      ['in_progress', 'under_review', 'admin'],
      ['under_review', 'in_progress', 'admin'],
      ['in_progress', 'resolved', 'admin'],
      ['resolved', 'closed', 'customer'],
    ]);
    expect(timeline.body.entries[0].kind).toBe('opened');

    // Each change went out as case.status_changed through the outbox, in order.
    await eventOf(env, caseIds.a1, 'case.status_changed', (e) => e.data.to === 'closed');
    const events = (await eventsOf(env, caseIds.a1)).filter(
      (e) => e.type === 'case.status_changed',
    );
    expect(
      events.map((e) => e.type === 'case.status_changed' && [e.data.to, e.data.actor]),
    ).toEqual([
      ['in_progress', 'ops'],
      ['under_review', 'ops'],
      ['in_progress', 'ops'],
      ['resolved', 'ops'],
      ['closed', 'customer'],
    ]);
    expect(events[0].data).toMatchObject({ from: 'created', by: 'admin', channel: 'web-form' });
  });

  it('refuses a skipped step with 409 and reopens a resolved case when the customer says so', async () => {
    const skipped = await admin.post(`/api/v1/cases/${refs.b1}/status`, { to: 'resolved' });
    expect(skipped.status).toBe(409);
    expect(skipped.body).toMatchObject({ code: 'status_transition_forbidden' });
    expect(skipped.body.message).toContain('cannot move');

    await admin.post(`/api/v1/cases/${refs.b1}/status`, { to: 'in_progress' });
    await admin.post(`/api/v1/cases/${refs.b1}/status`, { to: 'resolved' });
    const reopened = await core.app.get(ChangeCaseStatus).execute({
      reference: refs.b1,
      to: 'in_progress',
      actor: 'customer',
      by: 'customer',
      reason: 'problem_remains',
    });
    expect(reopened).toMatchObject({ status: 'in_progress', resolvedAt: null });
  });

  it('closes a resolved case on its own after the quiet period, as the system', async () => {
    await admin.post(`/api/v1/cases/${refs.b1}/status`, { to: 'resolved' });
    const job = core.app.get(CloseQuietCasesJob);
    expect(await job.tick(new Date(Date.now() + 13 * 86_400_000))).toBe(0);
    expect(await job.tick(new Date(Date.now() + 15 * 86_400_000))).toBe(1);
    const closed = await admin.get(`/api/v1/cases/${refs.b1}`);
    expect(closed.body.status).toBe('closed');
    const timeline = await admin.get(`/api/v1/cases/${refs.b1}/timeline`);
    expect(timeline.body.entries.at(-1)).toMatchObject({
      kind: 'status_changed',
      actor: 'system',
      details: { from: 'resolved', to: 'closed', actor: 'system' },
    });
  });

  it('keeps internal notes on the ops timeline only', async () => {
    const note = await admin.post(`/api/v1/cases/${refs.b2}/notes`, {
      text: 'Müşteri telefonda sakinleşti, mağaza müdürü geri arayacak.',
    });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ author: 'admin', text: expect.stringContaining('müdürü') });
    expect((await admin.post(`/api/v1/cases/${refs.b2}/notes`, { text: ' ' })).status).toBe(400);

    const timeline = await admin.get(`/api/v1/cases/${refs.b2}/timeline`);
    expect(timeline.body.entries.at(-1)).toMatchObject({
      kind: 'note',
      actor: 'admin',
      note: { id: note.body.id, text: note.body.text },
    });
    // Nothing of the note is where the customer's side reads: history or events.
    const history = await env.sql(
      `SELECT details::text AS d FROM core.case_history WHERE case_id = $1`,
      [caseIds.b2],
    );
    expect(JSON.stringify(history)).not.toContain('müdürü');
    const events = await eventsOf(env, caseIds.b2);
    expect(JSON.stringify(events)).not.toContain('müdürü');
  });
});
