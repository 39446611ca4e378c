import { randomUUID } from 'node:crypto';
import type { InboundMessageV1 } from '@app/contracts';
import { envelope } from '../support/apps';
import { CoreProcess } from '../support/core-process';
import { publish } from '../support/intake-helpers';
import { eventually } from '../support/kafka-helpers';
import { TestEnvironment } from '../support/test-environment';

describe('a core killed with SIGKILL in the middle of a batch', () => {
  const env = new TestEnvironment('crash');
  const port = 20_000 + Math.floor(Math.random() * 10_000);
  const processes: CoreProcess[] = [];

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill('SIGTERM')));
    await env.destroy();
  }, 60_000);

  it('accounts for every message exactly once after a restart', async () => {
    // Small batches and one partition at a time, so the kill lands between and inside transactions.
    const settings = {
      CORE_BATCH_SIZE: '40',
      CORE_PARTITIONS_CONCURRENTLY: '1',
      LOG_LEVEL: 'warn',
    };
    const first = new CoreProcess(env, port, settings);
    processes.push(first);
    await first.start();

    const total = 3_000;
    const originals: InboundMessageV1[] = Array.from({ length: total }, (_, i) =>
      envelope({
        channel: i % 3 === 0 ? 'call-center' : 'web-form',
        sourceId: `src-${i}-${randomUUID()}`,
        sender: { phone: `+90532${String(7_000_000 + (i % 900)).padStart(7, '0')}` },
        text: `Şikâyet ${i}: ${['kargo gecikti', 'ürün kırık geldi', 'fatura yanlış', 'personel ilgisiz'][i % 4]} (sipariş ${100000 + i})`,
      }),
    );
    // Every tenth message is redelivered by its adapter.
    const stream = originals.flatMap((m, i) => (i % 10 === 0 ? [m, m] : [m]));
    for (let i = 0; i < stream.length; i += 300) await publish(env, ...stream.slice(i, i + 300));

    await eventually(
      async () => {
        const [{ n }] = await env.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM core.messages`,
        );
        return n >= total / 4 ? n : undefined;
      },
      60_000,
      'core to be a quarter through',
    );
    await first.kill('SIGKILL');
    const [{ n: atKill }] = await env.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM core.messages`,
    );
    expect(atKill).toBeLessThan(total);

    const second = new CoreProcess(env, port, settings);
    processes.push(second);
    await second.start();
    await eventually(
      async () => {
        const [{ n }] = await env.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM core.messages WHERE case_id IS NOT NULL`,
        );
        return n === total ? n : undefined;
      },
      120_000,
      `all ${total} messages to be decided`,
    );

    const [counts] = await env.sql<{
      messages: number;
      sources: number;
      undecided: number;
      cases: number;
      opened: number;
      refs: number;
    }>(
      `SELECT (SELECT count(*)::int FROM core.messages) AS messages,
              (SELECT count(DISTINCT source_id)::int FROM core.messages) AS sources,
              (SELECT count(*)::int FROM core.messages WHERE case_id IS NULL) AS undecided,
              (SELECT count(*)::int FROM core.cases) AS cases,
              (SELECT count(*)::int FROM core.messages WHERE link_kind = 'opened') AS opened,
              (SELECT count(DISTINCT reference)::int FROM core.cases) AS refs`,
    );
    expect(counts).toEqual({
      messages: total,
      sources: total,
      undecided: 0,
      cases: counts.opened,
      opened: counts.opened,
      refs: counts.opened,
    });
    // Every case was opened by exactly one of its messages.
    const orphans = await env.sql(
      `SELECT c.id FROM core.cases c LEFT JOIN core.messages m ON m.id = c.first_message_id AND m.case_id = c.id WHERE m.id IS NULL`,
    );
    expect(orphans).toEqual([]);
    // Every redelivery was recognised: counted on its message, nothing created for it.
    const [{ redelivered }] = await env.sql<{ redelivered: number }>(
      `SELECT count(*)::int AS redelivered FROM core.messages WHERE duplicate_count > 0`,
    );
    expect(redelivered).toBeGreaterThanOrEqual(total / 10);
  }, 240_000);
});
