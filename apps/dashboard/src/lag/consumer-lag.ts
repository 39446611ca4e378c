import { CORE_CONSUMPTION } from '@app/contracts';
import type { GroupTopics, TopicLag } from '@app/kafka';

/** Every topic core consumes, each with the group that consumes it (as core wires them). */
export function coreConsumption(groups: {
  coreGroup: string;
  customerSideGroup: string;
}): GroupTopics[] {
  return [
    { group: groups.coreGroup, topics: CORE_CONSUMPTION.intake },
    { group: groups.customerSideGroup, topics: CORE_CONSUMPTION.customerSide },
  ];
}

export interface LagReport {
  /** When the broker last answered; null before the first answer. */
  checkedAt: string | null;
  topics: TopicLag[];
  /** Why the last check failed, when it did (the figures are then the previous ones). */
  error: string | null;
}
