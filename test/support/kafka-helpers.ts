import { Partitioners, type Kafka } from 'kafkajs';
import { setTimeout as delay } from 'node:timers/promises';

/** Writes raw bytes to a topic, bypassing every contract check: what a buggy producer would do. */
export async function produceRaw(
  kafka: Kafka,
  topic: string,
  messages: { key: string; value: string | Buffer }[],
): Promise<void> {
  const producer = kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages });
  } finally {
    await producer.disconnect();
  }
}

/** Reads every message currently on a topic, from the beginning, without a consumer group. */
export async function readTopic(
  kafka: Kafka,
  topic: string,
): Promise<{ key: string | null; value: string; partition: number; offset: string }[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    const consumer = kafka.consumer({ groupId: `reader-${Math.random().toString(16).slice(2)}` });
    const wanted = offsets.filter((o) => BigInt(o.high) > BigInt(o.low));
    if (wanted.length === 0) return [];
    const out: { key: string | null; value: string; partition: number; offset: string }[] = [];
    const remaining = new Map(wanted.map((o) => [o.partition, BigInt(o.high)]));
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const done = new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: ({ partition, message }) => {
          out.push({
            key: message.key?.toString() ?? null,
            value: message.value?.toString() ?? '',
            partition,
            offset: message.offset,
          });
          if (BigInt(message.offset) + 1n >= (remaining.get(partition) ?? 0n))
            remaining.delete(partition);
          if (remaining.size === 0) resolve();
          return Promise.resolve();
        },
      });
    });
    await Promise.race([
      done,
      delay(30_000).then(() => Promise.reject(new Error(`reading ${topic} timed out`))),
    ]);
    await consumer.disconnect();
    return out;
  } finally {
    await admin.disconnect();
  }
}

/** Total number of messages ever written to a topic (sum of high watermarks). */
export async function topicSize(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = await admin.listTopics();
    if (!existing.includes(topic)) return 0;
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, o) => sum + Number(o.high), 0);
  } finally {
    await admin.disconnect();
  }
}

/** Polls `check` until it returns a value that is not undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until)
      throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await delay(100);
  }
}
