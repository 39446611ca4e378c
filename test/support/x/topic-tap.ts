import { Topics, type TopicName } from '@app/contracts';
import type { Consumer } from 'kafkajs';
import type { TestEnvironment } from '../test-environment';

/**
 * One consumer that reads the adapter's topics from the beginning for the whole test file and
 * keeps every message in memory. Cheaper than a fresh consumer group for every look (each joins a
 * group and waits for a rebalance), and it leaves no timers behind when stopped.
 */
export class TopicTap {
  private readonly messages = new Map<string, unknown[]>();

  private constructor(
    private readonly env: TestEnvironment,
    private readonly consumer: Consumer,
  ) {}

  /** Starts reading; the topics must exist (start the app under test first). */
  static async start(
    env: TestEnvironment,
    topics: readonly TopicName[] = [
      Topics.IntakeMessages,
      Topics.ChannelHealth,
      Topics.OutboundReceipts,
      Topics.DeadLetters,
    ],
  ): Promise<TopicTap> {
    const consumer = env.kafka.consumer({ groupId: `tap-${env.id}-${Date.now()}` });
    const tap = new TopicTap(env, consumer);
    const joined = new Promise<void>((resolve) =>
      consumer.on(consumer.events.GROUP_JOIN, () => resolve()),
    );
    await consumer.connect();
    await consumer.subscribe({ topics: topics.map((t) => env.topic(t)), fromBeginning: true });
    await consumer.run({
      eachMessage: ({ topic, message }) => {
        const list = tap.messages.get(topic) ?? [];
        list.push(JSON.parse(message.value?.toString() ?? 'null'));
        tap.messages.set(topic, list);
        return Promise.resolve();
      },
    });
    // Only once the group is joined do the messages already on the topics start coming.
    await joined;
    return tap;
  }

  values<T>(topic: TopicName): T[] {
    return [...((this.messages.get(this.env.topic(topic)) ?? []) as T[])];
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}
