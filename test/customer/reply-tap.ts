import { Topics, type OutboundReplyV1 } from '@app/contracts';
import type { Consumer } from 'kafkajs';
import { eventually } from '../support/kafka-helpers';
import type { TestEnvironment } from '../support/test-environment';

/**
 * Reads outbound.replies.v1 for the whole test file, as an adapter would: one consumer started
 * once, instead of re-reading the topic from the start for every assertion.
 */
export class ReplyTap {
  readonly replies: OutboundReplyV1[] = [];
  private consumer?: Consumer;

  constructor(private readonly env: TestEnvironment) {}

  async start(): Promise<void> {
    const admin = this.env.kafka.admin();
    await admin.connect();
    const topic = this.env.topic(Topics.OutboundReplies);
    if (!(await admin.listTopics()).includes(topic))
      await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    await admin.disconnect();
    this.consumer = this.env.kafka.consumer({ groupId: `reply-tap-${this.env.id}` });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [topic], fromBeginning: true });
    await this.consumer.run({
      eachMessage: ({ message }) => {
        this.replies.push(JSON.parse(message.value!.toString()) as OutboundReplyV1);
        return Promise.resolve();
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }

  /** Waits for a reply to the case matching `where`. */
  reply(
    caseId: string,
    where: (r: OutboundReplyV1) => boolean = () => true,
    what = 'a reply',
  ): Promise<OutboundReplyV1> {
    return eventually(
      () => Promise.resolve(this.replies.find((r) => r.caseId === caseId && where(r))),
      20_000,
      `${what} for case ${caseId}`,
    );
  }

  of(caseId: string): OutboundReplyV1[] {
    return this.replies.filter((r) => r.caseId === caseId);
  }
}
