import { messageIdOf, type CaseEventV1, type InboundMessageV1 } from '@app/contracts';
import { inboundMessageKey } from '@app/contracts';
import { Partitioners, type Kafka } from 'kafkajs';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * Offers messages at a steady rate and times each from the moment it is handed to the producer
 * to the moment its case event is seen on cases.events.v1. That is an upper bound of "publish to
 * committed case": it also contains the outbox relay and the event's own trip through Kafka.
 */
export async function measureLatency(
  kafka: Kafka,
  topics: { intake: string; events: string },
  next: () => InboundMessageV1,
  rate: number,
  seconds: number,
): Promise<{ samples: number[]; toCore: number[]; offered: number; lost: number }> {
  const sentAt = new Map<string, number>();
  const samples: number[] = [];
  /** publish -> the batch's processing starts in core (its events' occurredAt), for the breakdown. */
  const toCore: number[] = [];
  const consumer = kafka.consumer({ groupId: `latency-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topics: [topics.events], fromBeginning: false });
  let joined = false;
  consumer.on(consumer.events.FETCH_START, () => (joined = true));
  await consumer.run({
    eachMessage: ({ message }) => {
      const event = JSON.parse(message.value!.toString()) as CaseEventV1;
      const id = messageIdOf(event);
      const start = id ? sentAt.get(id) : undefined;
      if (start !== undefined) {
        samples.push(Date.now() - start);
        toCore.push(Date.parse(event.occurredAt) - start);
        sentAt.delete(id!);
      }
      return Promise.resolve();
    },
  });
  while (!joined) await delay(50);

  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  const tickMs = 50;
  const perTick = Math.max(1, Math.round((rate * tickMs) / 1000));
  const ticks = Math.round((seconds * 1000) / tickMs);
  const begin = Date.now();
  let offered = 0;
  for (let t = 0; t < ticks; t++) {
    const batch = Array.from({ length: perTick }, next);
    const now = Date.now();
    batch.forEach((m) => sentAt.set(m.messageId, now));
    await producer.send({
      topic: topics.intake,
      acks: -1,
      messages: batch.map((m) => ({ key: inboundMessageKey(m), value: JSON.stringify(m) })),
    });
    offered += batch.length;
    const wait = begin + (t + 1) * tickMs - Date.now();
    if (wait > 0) await delay(wait);
  }
  const deadline = Date.now() + 30_000;
  while (sentAt.size > 0 && Date.now() < deadline) await delay(100);
  await producer.disconnect();
  await consumer.disconnect();
  return {
    samples: samples.sort((a, b) => a - b),
    toCore: toCore.sort((a, b) => a - b),
    offered,
    lost: sentAt.size,
  };
}
