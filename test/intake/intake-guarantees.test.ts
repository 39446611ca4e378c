import { Topics, type DeadLetterV1 } from '@app/contracts';
import { randomUUID } from 'node:crypto';
import { envelope, startTestCore, type RunningApp } from '../support/apps';
import { eventually, produceRaw, readTopic } from '../support/kafka-helpers';
import { TestEnvironment } from '../support/test-environment';

describe('core intake against the real broker and PostgreSQL', () => {
  const env = new TestEnvironment('intake');
  let core: RunningApp;

  beforeAll(async () => {
    core = await startTestCore(env);
  }, 90_000);

  afterAll(async () => {
    await core?.close();
    await env.destroy();
  }, 60_000);

  it('records a message delivered three times as one message and one case', async () => {
    const message = envelope();
    const value = JSON.stringify(message);
    const key = `web-form:${message.sender.phone}`;
    // The third delivery is the same source message re-sent by an adapter that minted a new id.
    const resent = JSON.stringify({ ...message, messageId: randomUUID() });
    await produceRaw(env.kafka, env.topic(Topics.IntakeMessages), [
      { key, value },
      { key, value },
      { key, value: resent },
    ]);

    const [stored] = await eventually(async () => {
      const rows = await env.sql<{ duplicate_count: number; case_id: string }>(
        `SELECT duplicate_count, case_id FROM core.messages WHERE source_id = $1`,
        [message.sourceId],
      );
      return rows.length === 1 && rows[0].duplicate_count === 2 ? rows : undefined;
    });
    expect(stored.case_id).toBeTruthy();
    const cases = await env.sql(`SELECT id FROM core.cases WHERE first_message_id = $1`, [
      message.messageId,
    ]);
    expect(cases).toHaveLength(1);
    const allMessages = await env.sql(`SELECT id FROM core.messages WHERE source_id = $1`, [
      message.sourceId,
    ]);
    expect(allMessages).toHaveLength(1);
  }, 60_000);

  it('dead-letters malformed messages with their reason and still processes the one behind them', async () => {
    const valid = envelope();
    const key = `web-form:${valid.sender.phone}`; // one key: one partition, so order is kept
    const breaksContract = { ...envelope(), channel: 'fax', receivedAt: 'yesterday' };
    await produceRaw(env.kafka, env.topic(Topics.IntakeMessages), [
      { key, value: '{"schemaVersion":1, "messageId": ' },
      { key, value: JSON.stringify(breaksContract) },
      { key, value: JSON.stringify(valid) },
    ]);

    await eventually(async () => {
      const rows = await env.sql(`SELECT 1 FROM core.cases WHERE first_message_id = $1`, [
        valid.messageId,
      ]);
      return rows.length === 1 ? rows : undefined;
    });
    const letters = await eventually(async () => {
      const found = (await readTopic(env.kafka, env.topic(Topics.DeadLetters))).map(
        (m) => JSON.parse(m.value) as DeadLetterV1,
      );
      return found.length >= 2 ? found : undefined;
    });
    const byCode = new Map(letters.map((l) => [l.reason.code, l]));
    const malformed = byCode.get('malformed_json')!;
    expect(malformed.payload).toEqual({
      encoding: 'utf8',
      data: '{"schemaVersion":1, "messageId": ',
    });
    expect(malformed.source).toMatchObject({ kind: 'kafka', topic: Topics.IntakeMessages, key });
    expect(malformed.service).toBe('core');
    const violation = byCode.get('contract_violation')!;
    expect(violation.reason.message).toContain('channel');
    expect(violation.reason.message).toContain('receivedAt');
    expect(JSON.parse(violation.payload.data)).toEqual(breaksContract);
    // Dead letters point at the exact offsets, in the order the messages were written.
    expect(BigInt(violation.source.kind === 'kafka' ? violation.source.offset : 0)).toBe(
      BigInt(malformed.source.kind === 'kafka' ? malformed.source.offset : 0) + 1n,
    );
    const nothingStored = await env.sql(`SELECT 1 FROM core.messages WHERE source_id = $1`, [
      breaksContract.sourceId,
    ]);
    expect(nothingStored).toHaveLength(0);
  }, 60_000);

  it('dead-letters a message the database refuses, and records the rest of its batch', async () => {
    const before = envelope();
    // Valid by contract, but PostgreSQL cannot store a NUL character: a real-world poison message.
    const poison = envelope({ text: 'fiş\u0000bozuk' });
    const after = envelope();
    const key = `web-form:${before.sender.phone}`;
    await produceRaw(
      env.kafka,
      env.topic(Topics.IntakeMessages),
      [before, poison, after].map((m) => ({ key, value: JSON.stringify(m) })),
    );

    await eventually(async () => {
      const rows = await env.sql(
        `SELECT 1 FROM core.cases WHERE first_message_id = ANY($1::uuid[])`,
        [[before.messageId, after.messageId]],
      );
      return rows.length === 2 ? rows : undefined;
    });
    const letter = await eventually(async () =>
      (await readTopic(env.kafka, env.topic(Topics.DeadLetters)))
        .map((m) => JSON.parse(m.value) as DeadLetterV1)
        .find((l) => l.payload.data.includes(poison.messageId)),
    );
    expect(letter.reason.code).toMatch(/^database_error_/);
    expect(letter.attempts).toBeGreaterThanOrEqual(1);
    expect(
      await env.sql(`SELECT 1 FROM core.messages WHERE id = $1`, [poison.messageId]),
    ).toHaveLength(0);
  }, 60_000);
});
