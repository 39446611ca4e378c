import type { InboundMessageV1, SlaTarget } from '@app/contracts';
import { Topics } from '@app/contracts';
import { SlaMonitor } from '../../../apps/core/src/sla/sla-monitor';
import { opsClient, seedStores } from '../../ops/ops-support';
import { envelope, startTestCore, type RunningApp } from '../apps';
import { decided, publish } from '../intake-helpers';
import { eventually, produceRaw } from '../kafka-helpers';
import { TEST_ADMIN_TOKEN } from '../services';
import type { TestEnvironment } from '../test-environment';

export type CoreRole = 'ops' | 'manager' | 'admin';

/**
 * The real core the dashboard speaks to: it checks the tokens and answers the SLA and
 * dead-letter panels, so what the dashboard shows comes from cases and dead letters core holds.
 */
export class DashboardCore {
  private readonly admin: ReturnType<typeof opsClient>;
  private stopped?: Promise<void>;

  private constructor(
    private readonly env: TestEnvironment,
    private readonly core: RunningApp,
    /** Core's consumer group, its own: the default "core" is shared by every core on the broker. */
    readonly group: string,
  ) {
    this.admin = opsClient(core.url, TEST_ADMIN_TOKEN);
  }

  static async start(env: TestEnvironment): Promise<DashboardCore> {
    const group = `core-${env.id}`;
    const core = await startTestCore(env, { CORE_CONSUMER_GROUP: group });
    // Routing needs the stores and regions, so that a case lands in a manager's region.
    await seedStores(core);
    return new DashboardCore(env, core, group);
  }

  get url(): string {
    return this.core.url;
  }

  /** Two active stores of different regions. */
  storesInTwoRegions(): Promise<{ code: string; region_code: string }[]> {
    return this.env.sql(
      `SELECT DISTINCT ON (region_code) code, region_code FROM core.stores WHERE active ORDER BY region_code, code LIMIT 2`,
    );
  }

  /** A token issued by core's admin API, as an admin hands one to a person. */
  async issueToken(
    name: string,
    role: CoreRole,
    regionCode?: string,
  ): Promise<{ id: string; token: string }> {
    const created = await this.admin.post('/api/v1/tokens', { name, role, regionCode });
    if (created.status !== 201) throw new Error(`token not issued: ${JSON.stringify(created)}`);
    return { id: created.body.id, token: created.body.token };
  }

  async revokeToken(id: string): Promise<void> {
    const revoked = await this.admin.delete(`/api/v1/tokens/${id}`);
    if (revoked.status !== 204) throw new Error(`token not revoked: ${revoked.status}`);
  }

  /** Complaints published as an adapter would, returned once core has opened their cases. */
  async openCases(...overrides: Partial<InboundMessageV1>[]): Promise<void> {
    const messages = overrides.map((o) => envelope(o));
    await publish(this.env, ...messages);
    for (const m of messages) await decided(this.env, m.messageId);
  }

  /** The open cases core holds, in one region when given, oldest first. */
  async openCaseIds(regionCode?: string): Promise<string[]> {
    const rows = await this.env.sql<{ id: string }>(
      `SELECT id FROM core.cases WHERE ($1::text IS NULL OR region_code = $1) AND status <> 'closed'
        ORDER BY opened_at, id`,
      [regionCode ?? null],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Lets time pass for one target of a case: its 80% point (and for `breached` its deadline) is
   * moved into the past, and core's own SLA monitor then raises the warning or breach, with its
   * events and escalation. Returns once the monitor has flagged the case.
   */
  async runLate(caseId: string, target: SlaTarget, how: 'warning' | 'breached'): Promise<void> {
    const due = how === 'breached' ? `, ${target}_due_at = now() - interval '1 minute'` : '';
    await this.env.sql(
      `UPDATE core.cases SET ${target}_warn_at = now() - interval '2 minutes'${due},
              sla_next_check_at = now() - interval '2 minutes' WHERE id = $1`,
      [caseId],
    );
    const flag = how === 'breached' ? `${target}_breached_at` : `${target}_warned_at`;
    const monitor = this.core.app.get(SlaMonitor);
    await eventually(
      async () => {
        // The monitor's own periodic tick may hold the row (SKIP LOCKED): tick until it is done.
        await monitor.tick();
        const [row] = await this.env.sql<{ at: Date | null }>(
          `SELECT ${flag} AS at FROM core.cases WHERE id = $1`,
          [caseId],
        );
        return row.at ? true : undefined;
      },
      15_000,
      `core's SLA monitor to flag ${target} ${how} on case ${caseId}`,
    );
  }

  /**
   * An envelope that breaks the contract (its text a number), which core refuses and dead-letters
   * on its own; returns once core lists it as waiting.
   */
  async deadLetterOne(overrides: Partial<InboundMessageV1>): Promise<void> {
    const broken = { ...envelope(overrides), text: 42 };
    await produceRaw(this.env.kafka, this.env.topic(Topics.IntakeMessages), [
      { key: `${broken.channel}:${broken.messageId}`, value: JSON.stringify(broken) },
    ]);
    await eventually(
      async () => {
        const waiting = await this.admin.get(`/api/v1/dead-letters?channel=${broken.channel}`);
        return waiting.body.length > 0 ? true : undefined;
      },
      30_000,
      `core to dead-letter the broken ${broken.channel} envelope`,
    );
  }

  /** Stops core (once), as an outage would: its consumer group stays, with its offsets. */
  stop(): Promise<void> {
    this.stopped ??= this.core.close();
    return this.stopped;
  }
}
