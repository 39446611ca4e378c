import { isTopicName, type TopicName } from '@app/contracts';

/**
 * Topic names on the broker are the contract's names behind an optional prefix, so several
 * organisations (or test runs) can share one cluster without seeing each other's messages.
 */
export function physicalTopic(prefix: string, topic: TopicName): string {
  return `${prefix}${topic}`;
}

export function logicalTopic(prefix: string, physical: string): TopicName {
  const name = physical.startsWith(prefix) ? physical.slice(prefix.length) : physical;
  if (!isTopicName(name)) throw new Error(`topic ${physical} is not in the contracts`);
  return name;
}
