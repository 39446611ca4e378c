import type { InboundMessageV1 } from '@app/contracts';
import type { Kafka } from 'kafkajs';
import { Client } from 'pg';

/**
 * The raw baseline: KafkaJS consuming batches and PostgreSQL taking the same message rows core
 * writes, in one batched INSERT per batch, offsets committed after. No validation, identities,
 * threading, cases or events: what the hardware and the two services can do at all.
 */
export async function runBaseline(
  kafka: Kafka,
  topic: string,
  databaseUrl: string,
  expected: number,
): Promise<{ elapsedMs: number }> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(`CREATE TABLE IF NOT EXISTS baseline_messages (
    id uuid PRIMARY KEY, channel text NOT NULL, channel_account text NOT NULL, source_id text NOT NULL,
    received_at timestamptz NOT NULL, sender jsonb NOT NULL, subject text, body text NOT NULL, language text,
    envelope jsonb NOT NULL, kafka_partition integer NOT NULL, kafka_offset bigint NOT NULL,
    UNIQUE (channel, source_id))`);
  const consumer = kafka.consumer({
    groupId: `baseline-${Date.now()}`,
    allowAutoTopicCreation: false,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  let seen = 0;
  let started = 0;
  const done = new Promise<number>((resolve) => {
    void consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 3,
      eachBatch: async (payload) => {
        const { batch } = payload;
        started ||= Date.now();
        const rows = batch.messages.map((m) => {
          const e = JSON.parse(m.value!.toString()) as InboundMessageV1;
          return {
            id: e.messageId,
            channel: e.channel,
            channel_account: e.channelAccount,
            source_id: e.sourceId,
            received_at: e.receivedAt,
            sender: e.sender,
            subject: e.subject ?? null,
            body: e.text,
            language: e.language ?? null,
            envelope: e,
            kafka_partition: batch.partition,
            kafka_offset: m.offset,
          };
        });
        await db.query(
          `INSERT INTO baseline_messages SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, channel text,
             channel_account text, source_id text, received_at timestamptz, sender jsonb, subject text, body text,
             language text, envelope jsonb, kafka_partition integer, kafka_offset bigint)
           ON CONFLICT DO NOTHING`,
          [JSON.stringify(rows)],
        );
        const last = batch.messages[batch.messages.length - 1].offset;
        payload.resolveOffset(last);
        await consumer.commitOffsets([
          {
            topic: batch.topic,
            partition: batch.partition,
            offset: (BigInt(last) + 1n).toString(),
          },
        ]);
        seen += batch.messages.length;
        if (seen >= expected) resolve(Date.now());
      },
    });
  });
  const finished = await done;
  await consumer.disconnect();
  await db.end();
  return { elapsedMs: finished - started };
}
