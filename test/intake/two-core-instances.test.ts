import { Topics } from '@app/contracts';
import { parseReference } from '@app/contracts';
import { envelope, startTestCore, type RunningApp } from '../support/apps';
import { eventually, produceRaw } from '../support/kafka-helpers';
import { TestEnvironment } from '../support/test-environment';

describe('two core instances in one consumer group', () => {
  const env = new TestEnvironment('two-cores');
  const cores: RunningApp[] = [];

  afterAll(async () => {
    await Promise.all(cores.map((c) => c.close()));
    await env.destroy();
  }, 60_000);

  it('share the partitions and never hand out the same reference number', async () => {
    // Small batches so both instances allocate numbers many times, interleaved.
    const overrides = { CORE_BATCH_SIZE: '20' };
    cores.push(await startTestCore(env, overrides), await startTestCore(env, overrides));

    const admin = env.kafka.admin();
    await admin.connect();
    const members = await eventually(
      async () => {
        const { groups } = await admin.describeGroups(['core']);
        const group = groups[0];
        return group?.state === 'Stable' && group.members.length === 2 ? group.members : undefined;
      },
      60_000,
      'both instances to join the group',
    );
    await admin.disconnect();
    expect(members).toHaveLength(2);

    const total = 1_500;
    const messages = Array.from({ length: total }, (_, i) =>
      envelope({
        sender: { phone: `+9053212${String(i % 300).padStart(5, '0')}` },
        text: `${200_000 + i} numaralı siparişim eksik teslim edildi.`,
      }),
    );
    for (let i = 0; i < total; i += 250) {
      await produceRaw(
        env.kafka,
        env.topic(Topics.IntakeMessages),
        messages
          .slice(i, i + 250)
          .map((m) => ({ key: `web-form:${m.sender.phone}`, value: JSON.stringify(m) })),
      );
    }

    const rows = await eventually(
      async () => {
        const found = await env.sql<{
          reference: string;
          reference_serial: string;
          partitions: number;
        }>(`SELECT reference, reference_serial FROM core.cases`);
        return found.length === total ? found : undefined;
      },
      90_000,
      `${total} cases`,
    );
    const references = rows.map((r) => r.reference);
    expect(new Set(references).size).toBe(total);
    expect(new Set(rows.map((r) => r.reference_serial)).size).toBe(total);
    for (const reference of references) expect(parseReference(reference).ok).toBe(true);
    // Both instances really worked: messages from every partition were recorded.
    const partitions = await env.sql<{ kafka_partition: number }>(
      `SELECT DISTINCT kafka_partition FROM core.messages`,
    );
    expect(partitions.length).toBe(3);
  }, 180_000);
});
