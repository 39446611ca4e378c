import { randomBytes } from 'node:crypto';
import { eventually } from '../support/kafka-helpers';
import { TestEnvironment } from '../support/test-environment';
import { PrivateBroker } from '../support/private-broker';
import {
  postWebhook,
  startCoreForWhatsApp,
  startTestWhatsApp,
  textWebhook,
  type RunningApp,
} from '../support/whatsapp/whatsapp-app';

/**
 * Kafka goes away under a running adapter: Meta must be told to deliver again (503), and its
 * redelivery, once Kafka is back, must make exactly one case. Runs on a broker of its own so that
 * stopping it does not disturb the other test files.
 */
describe('WhatsApp webhook while Kafka is down', () => {
  const env = new TestEnvironment('whatsapp-broker-down');
  let broker: PrivateBroker;
  let core: RunningApp;
  let wa: RunningApp;

  beforeAll(async () => {
    broker = await PrivateBroker.create();
    await broker.start();
    const onPrivateBroker = { KAFKA_BROKERS: broker.brokers, KAFKA_TOPIC_PARTITIONS: '1' };
    [core, wa] = await Promise.all([
      startCoreForWhatsApp(env, onPrivateBroker),
      startTestWhatsApp(env, { ...onPrivateBroker, KAFKA_PUBLISH_TIMEOUT_MS: '1500' }),
    ]);
  }, 150_000);

  afterAll(async () => {
    await wa?.close();
    await core?.close();
    await broker?.destroy();
    await env.destroy();
  }, 90_000);

  it('answers 503 while Kafka is down, and Meta redelivering then makes exactly one case', async () => {
    const wamid = `wamid.${randomBytes(16).toString('base64')}`;
    const raw = textWebhook(
      wamid,
      'Ataşehir şubesinde kasada iki kez ücret alındı, iade istiyorum.',
      '905449876543',
    );
    expect(
      (await postWebhook(wa.url, textWebhook(`wamid.${randomBytes(8).toString('hex')}`, 'Merhaba')))
        .status,
    ).toBe(200);

    await broker.stop();
    const refused = await postWebhook(wa.url, raw);
    expect(refused).toMatchObject({ status: 503, body: { code: 'publish_failed' } });

    await broker.start();
    // What Meta does with a 503: the same bytes again, later, until they are taken.
    await eventually(
      async () => ((await postWebhook(wa.url, raw)).status === 200 ? true : undefined),
      60_000,
      'the redelivery to be taken',
    );
    const cases = await eventually(
      async () => {
        const rows = await env.sql<{ reference: string }>(
          `SELECT c.reference FROM core.cases c JOIN core.messages m ON m.case_id = c.id
            WHERE m.source_id = $1`,
          [wamid],
        );
        return rows.length > 0 ? rows : undefined;
      },
      30_000,
      'the case of the redelivered message',
    );
    expect(cases).toHaveLength(1);
    expect(cases[0].reference).toMatch(/^KM-\d{4}-\d{6}-\d$/);
    expect(
      await env.sql(`SELECT id FROM core.messages WHERE source_id = $1`, [wamid]),
    ).toHaveLength(1);
  }, 150_000);
});
