import { Topics, type TopicName } from '@app/contracts';

/**
 * Which of core's groups reads which topic, as core's start-up wires its two consumers: the main
 * group takes in messages, receipts and dead letters; the customer side reads the case events
 * back with a group of its own. Keep in step with apps/core/src/core.app.ts.
 */
export function coreConsumption(groups: {
  coreGroup: string;
  customerSideGroup: string;
}): { group: string; topics: TopicName[] }[] {
  return [
    {
      group: groups.coreGroup,
      topics: [Topics.IntakeMessages, Topics.OutboundReceipts, Topics.DeadLetters],
    },
    { group: groups.customerSideGroup, topics: [Topics.CaseEvents] },
  ];
}

/** The lag of one consumer group on one topic. */
export interface TopicLag {
  group: string;
  /** The contract's topic name, without the deployment's prefix. */
  topic: string;
  /** Messages on the topic the group has not committed yet. */
  lag: number;
  partitions: number;
}

export interface LagReport {
  /** When the broker last answered; null before the first answer. */
  checkedAt: string | null;
  topics: TopicLag[];
  /** Why the last check failed, when it did (the figures are then the previous ones). */
  error: string | null;
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
