import type { TopicName } from '@app/contracts';
import type { Admin } from 'kafkajs';
import { physicalTopic } from '../topic-names';

/** A consumer group and the topics it reads (contract names, without the deployment's prefix). */
export interface GroupTopics {
  group: string;
  topics: readonly TopicName[];
}

/** The lag of one consumer group on one topic. */
export interface TopicLag {
  group: string;
  /** The contract's topic name, without the deployment's prefix. */
  topic: TopicName;
  /** Messages on the topic the group has not committed yet. */
  lag: number;
  partitions: number;
}

/**
 * Messages not yet committed, summed over partitions. A partition the group never committed (or
 * whose committed offset retention has since deleted) counts from the oldest message still on it:
 * that is where the group would start.
 */
export function lagOf(
  watermarks: readonly { partition: number; low: string; high: string }[],
  committed: readonly { partition: number; offset: string }[],
): number {
  const byPartition = new Map(committed.map((c) => [c.partition, BigInt(c.offset)]));
  let lag = 0n;
  for (const { partition, low, high } of watermarks) {
    const offset = byPartition.get(partition) ?? -1n;
    const from = offset < BigInt(low) ? BigInt(low) : offset;
    if (BigInt(high) > from) lag += BigInt(high) - from;
  }
  return Number(lag);
}

/**
 * Each group's lag on each of its topics that exists, read from the broker (end offsets minus the
 * group's committed offsets). Read-only: offsets are fetched, never set. A topic read by two
 * groups has its watermarks asked for once.
 */
export async function measureGroupLag(
  admin: Admin,
  topicPrefix: string,
  groups: readonly GroupTopics[],
): Promise<TopicLag[]> {
  const existing = new Set(await admin.listTopics());
  const watermarks = new Map<TopicName, ReturnType<Admin['fetchTopicOffsets']>>();
  const watermarksOf = (topic: TopicName) => {
    if (!watermarks.has(topic))
      watermarks.set(topic, admin.fetchTopicOffsets(physicalTopic(topicPrefix, topic)));
    return watermarks.get(topic)!;
  };
  const lags: TopicLag[] = [];
  for (const { group, topics } of groups) {
    const present = topics.filter((t) => existing.has(physicalTopic(topicPrefix, t)));
    if (present.length === 0) continue;
    // One request for all of a group's topics; the watermarks can only be asked topic by topic.
    const committed = await admin.fetchOffsets({
      groupId: group,
      topics: present.map((t) => physicalTopic(topicPrefix, t)),
    });
    for (const topic of present) {
      const marks = await watermarksOf(topic);
      const offsets = committed.find((c) => c.topic === physicalTopic(topicPrefix, topic));
      lags.push({
        group,
        topic,
        lag: lagOf(marks, offsets?.partitions ?? []),
        partitions: marks.length,
      });
    }
  }
  return lags;
}
