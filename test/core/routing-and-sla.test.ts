import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { importStores } from '../../apps/core/src/routing/import/import-stores';
import { RoutingService } from '../../apps/core/src/routing/routing.service';
import { SlaMonitor } from '../../apps/core/src/sla/sla-monitor';
import { authHeaders, envelope, startTestCore, type RunningApp } from '../support/apps';
import { decided, eventOf, eventsOf, publish } from '../support/intake-helpers';
import { TestEnvironment } from '../support/test-environment';

const seed = readFileSync(join(__dirname, '../../deploy/seed/stores.json'), 'utf8');

describe('routing to regional managers and the SLA clock', () => {
  const env = new TestEnvironment('routing');
  let core: RunningApp;

  beforeAll(async () => {
    // The monitor is driven by hand below, so it does not tick on its own here.
    core = await startTestCore(env, { SLA_CHECK_INTERVAL_MS: '3600000' });
    const result = await importStores(core.app.get(DataSource), seed);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    await core.app.get(RoutingService).refresh();
  }, 90_000);

  afterAll(async () => {
    await core?.close();
    await env.destroy();
  }, 60_000);

  async function caseRow(caseId: string) {
    const [row] = await env.sql<Record<string, any>>(
      `SELECT c.*, r.manager_id AS region_manager FROM core.cases c LEFT JOIN core.regions r ON r.code = c.region_code WHERE c.id = $1`,
      [caseId],
    );
    return row;
  }

  it('routes a structured store code to the store, its region and the region manager', async () => {
    const [store] = await env.sql<{ code: string; region_code: string }>(
      `SELECT code, region_code FROM core.stores WHERE active ORDER BY code LIMIT 1`,
    );
    const m = envelope({
      storeCode: store.code.toLowerCase(),
      text: 'Kasada bekleme süresi çok uzundu.',
    });
    await publish(env, m);
    const { case_id } = await decided(env, m.messageId);
    const row = await caseRow(case_id!);
    expect(row).toMatchObject({
      store_code: store.code,
      region_code: store.region_code,
      routed_via: 'store_code',
    });
    expect(row.manager_id).toBe(row.region_manager);
    expect(row.manager_id).toBeTruthy();
    const routed = await eventOf(env, case_id!, 'case.routed');
    expect(routed.data).toMatchObject({
      storeCode: store.code,
      regionCode: store.region_code,
      managerId: row.manager_id,
      triage: false,
      via: 'store_code',
    });
  }, 60_000);

  it('finds a store named only in the text, the way customers write it', async () => {
    const m = envelope({
      text: "Dün Bağdat Caddesi'ndeki mağazanızda aldığım ayakkabının tabanı ayrıldı.",
    });
    await publish(env, m);
    const { case_id } = await decided(env, m.messageId);
    const row = await caseRow(case_id!);
    const [expected] = await env.sql<{ code: string; region_code: string }>(
      `SELECT code, region_code FROM core.stores WHERE 'Bağdat Caddesi' = ANY(aliases) OR name ILIKE '%Bağdat Caddesi%'`,
    );
    expect(row).toMatchObject({
      store_code: expected.code,
      region_code: expected.region_code,
      routed_via: 'text',
    });
    expect(row.manager_id).toBeTruthy();
  }, 60_000);

  it('lists the active stores publicly, without managers or contacts', async () => {
    const response = await fetch(`${core.url}/api/v1/stores`);
    expect(response.status).toBe(200);
    const stores = (await response.json()) as Record<string, string>[];
    expect(stores.length).toBeGreaterThanOrEqual(50);
    expect(Object.keys(stores[0]).sort()).toEqual(['city', 'code', 'district', 'name']);
    expect(stores.some((s) => s.city === 'İstanbul')).toBe(true);
  });

  it('sends a case with no clue about the store to triage', async () => {
    const m = envelope({ text: 'Ürününüz beklediğim gibi çıkmadı.' });
    await publish(env, m);
    const { case_id } = await decided(env, m.messageId);
    expect(await caseRow(case_id!)).toMatchObject({
      store_code: null,
      region_code: null,
      manager_id: null,
      routed_via: 'unresolved',
    });
    const routed = await eventOf(env, case_id!, 'case.routed');
    expect(routed.data).toMatchObject({ triage: true, regionCode: null });
  }, 60_000);

  it('starts the clock of a message received on Friday 19:00 before a public holiday on the next working day', async () => {
    // Friday 27 August 2027, 19:00 in Istanbul; Saturday is a half working day (09:00-13:00),
    // Sunday is closed and Monday 30 August is Zafer Bayramı.
    const m = envelope({
      receivedAt: '2027-08-27T19:00:00+03:00',
      text: 'Siparişim hasarlı geldi.',
    });
    await publish(env, m);
    const { case_id } = await decided(env, m.messageId);
    const row = await caseRow(case_id!);
    expect(new Date(row.sla_started_at).toISOString()).toBe(
      new Date('2027-08-28T09:00:00+03:00').toISOString(),
    );
    // 6 working hours: 4 on Saturday morning, then 2 on Tuesday after the holiday.
    expect(new Date(row.acknowledge_due_at).toISOString()).toBe(
      new Date('2027-08-31T11:00:00+03:00').toISOString(),
    );
    expect(new Date(row.registration_due_at) > new Date(row.acknowledge_due_at)).toBe(true);
    expect(new Date(row.resolution_due_at) > new Date(row.registration_due_at)).toBe(true);
    const created = await eventOf(env, case_id!, 'case.created');
    expect(created.data.sla.acknowledgeDueAt).toBe(new Date(row.acknowledge_due_at).toISOString());
  }, 60_000);

  it('warns at 80% of a target, then breaches and escalates, each once', async () => {
    const m = envelope({ text: 'Faturamda fazladan ücret var.' });
    await publish(env, m);
    const { case_id } = await decided(env, m.messageId);
    const monitor = core.app.get(SlaMonitor);
    // The web form's answer carried the reference number: that acknowledged the case at once, so
    // the clock that can still run late is the registration's.
    expect((await caseRow(case_id!)).acknowledged_at).not.toBeNull();

    // Time passes: the registration's 80% point is behind us.
    await env.sql(
      `UPDATE core.cases SET registration_warn_at = now() - interval '1 minute', sla_next_check_at = now() - interval '1 minute' WHERE id = $1`,
      [case_id],
    );
    // Either this tick or the monitor's own periodic one takes it: each case once (row locks).
    await monitor.tick();
    const warning = await eventOf(env, case_id!, 'sla.warning');
    expect(warning.data.target).toBe('registration');
    expect((await caseRow(case_id!)).escalated_at).toBeNull();

    // Then the deadline itself.
    await env.sql(
      `UPDATE core.cases SET registration_due_at = now() - interval '1 second', sla_next_check_at = now() - interval '1 second' WHERE id = $1`,
      [case_id],
    );
    await monitor.tick();
    const breach = await eventOf(env, case_id!, 'sla.breached');
    expect(breach.data.target).toBe('registration');
    const row = await caseRow(case_id!);
    expect(row.escalated_at).not.toBeNull();
    expect(row.registration_breached_at).not.toBeNull();

    await monitor.tick();
    const slaEvents = (await eventsOf(env, case_id!)).filter((e) => e.type.startsWith('sla.'));
    expect(slaEvents.map((e) => e.type)).toEqual(['sla.warning', 'sla.breached']);
    const history = await env.sql<{ kind: string }>(
      `SELECT kind FROM core.case_history WHERE case_id = $1 AND kind <> 'acknowledged' ORDER BY id`,
      [case_id],
    );
    expect(history.map((h) => h.kind)).toEqual([
      'opened',
      'sla_warning',
      'sla_breached',
      'escalated',
    ]);
  }, 60_000);

  it('re-routes a case by hand with an audit trail and a case.routed event', async () => {
    const m = envelope({ text: 'Mağaza çalışanı yanlış bilgi verdi.' });
    await publish(env, m);
    const { case_id, reference } = await decided(env, m.messageId);
    const [target] = await env.sql<{ code: string; region_code: string }>(
      `SELECT code, region_code FROM core.stores WHERE active ORDER BY code DESC LIMIT 1`,
    );

    const response = await fetch(`${core.url}/api/v1/cases/${reference}/routing`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeaders() },
      body: JSON.stringify({
        storeCode: target.code,
        reason: 'Müşteri telefonda mağazayı netleştirdi.',
      }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      routing: { storeCode: string; regionCode: string; via: string };
    };
    expect(body.routing).toMatchObject({
      storeCode: target.code,
      regionCode: target.region_code,
      via: 'manual',
    });
    const [audit] = await env.sql<{ actor: string; details: any }>(
      `SELECT actor, details FROM core.case_history WHERE case_id = $1 AND kind = 'rerouted'`,
      [case_id],
    );
    expect(audit.actor).toBe('admin');
    expect(audit.details).toMatchObject({
      before: { storeCode: null, regionCode: null },
      after: { storeCode: target.code },
      reason: 'Müşteri telefonda mağazayı netleştirdi.',
    });
    const routed = await eventOf(env, case_id!, 'case.routed', (e) => e.data.via === 'manual');
    expect(routed.data).toMatchObject({
      storeCode: target.code,
      by: 'admin',
      reason: 'Müşteri telefonda mağazayı netleştirdi.',
    });

    const unknown = await fetch(`${core.url}/api/v1/cases/${reference}/routing`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeaders() },
      body: JSON.stringify({ storeCode: 'NOPE-01', reason: 'x' }),
    });
    expect(unknown.status).toBe(422);
    const invalid = await fetch(`${core.url}/api/v1/cases/${reference}/routing`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeaders() },
      body: JSON.stringify({ reason: '' }),
    });
    expect(invalid.status).toBe(400);
  }, 60_000);
});
