import {
  aCall,
  postCall,
  startCoreForCalls,
  startTestCallCenter,
  type Answer,
  type RunningApp,
} from '../support/call-center/call-center-app';
import { PrivateBroker } from '../support/private-broker';
import { eventually } from '../support/kafka-helpers';
import { TestEnvironment } from '../support/test-environment';

/**
 * Kafka goes away under a running call centre: the telephony system must be told to retry (503),
 * and its retry, once Kafka is back, must make exactly the one case. Runs on a broker of its own
 * so that stopping it does not disturb the other test files.
 */
describe('call-centre webhook while Kafka is down', () => {
  const env = new TestEnvironment('call-center-broker-down');
  let broker: PrivateBroker;
  let core: RunningApp;
  let callCenter: RunningApp;

  beforeAll(async () => {
    broker = await PrivateBroker.create();
    await broker.start();
    const onPrivateBroker = { KAFKA_BROKERS: broker.brokers, KAFKA_TOPIC_PARTITIONS: '1' };
    [core, callCenter] = await Promise.all([
      startCoreForCalls(env, onPrivateBroker),
      startTestCallCenter(env, { ...onPrivateBroker, KAFKA_PUBLISH_TIMEOUT_MS: '1500' }),
    ]);
  }, 150_000);

  afterAll(async () => {
    await callCenter?.close();
    await core?.close();
    await broker?.destroy();
    await env.destroy();
  }, 90_000);

  it('answers 503 while Kafka is down, and the retried call makes exactly one case', async () => {
    const call = aCall();
    const before = await postCall(callCenter.url, aCall());
    expect(before.status).toBe(202);

    await broker.stop();
    const refused = await postCall(callCenter.url, call);
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ code: 'publish_failed' });
    expect(refused.headers.get('retry-after')).toBe('5');

    await broker.start();
    // What a telephony system does with a 503: the same call again, freshly signed, until taken.
    const taken = await eventually<Answer>(
      async () => {
        const answer = await postCall(callCenter.url, call);
        return answer.status === 202 ? answer : undefined;
      },
      60_000,
      'the retried call to be taken',
    );

    const cases = await eventually(
      async () => {
        const rows = await env.sql<{ reference: string }>(
          `SELECT c.reference FROM core.cases c
             JOIN core.messages m ON m.case_id = c.id
            WHERE m.source_id = $1`,
          [call.callId],
        );
        return rows.length > 0 ? rows : undefined;
      },
      30_000,
      'the case of the retried call',
    );
    expect(cases).toHaveLength(1);
    if (taken.body.reference) expect(taken.body.reference).toBe(cases[0].reference);

    // Once core is back to answering in time, the agent gets the reference on a redelivery too.
    const repeated = await eventually<Answer>(
      async () => {
        const answer = await postCall(callCenter.url, call);
        return answer.body.reference ? answer : undefined;
      },
      30_000,
      'the reference on a redelivery',
    );
    expect(repeated).toMatchObject({
      status: 202,
      body: { messageId: taken.body.messageId, reference: cases[0].reference },
    });
    const messages = await env.sql(`SELECT id FROM core.messages WHERE source_id = $1`, [
      call.callId,
    ]);
    expect(messages).toHaveLength(1);
  }, 150_000);
});
