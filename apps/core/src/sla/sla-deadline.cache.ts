import type { BusinessCalendar } from './business-calendar';
import { computeSlaDeadlines, type SlaDeadlines, type SlaTargets } from './sla-policy';

const MINUTE = 60_000;

/**
 * Deadlines by the minute a message arrived. Walking the business calendar in the organisation's
 * time zone is the costliest step of opening a case, and every case of the same minute (every
 * case of a night, once the clock waits for the morning) has the same deadlines. Counting from the
 * start of the minute makes a deadline at most 59 seconds early: never late.
 */
export class SlaDeadlineCache {
  private readonly cache = new Map<string, SlaDeadlines>();

  constructor(
    private readonly calendar: BusinessCalendar,
    private readonly warnRatio: number,
    private readonly capacity = 4_096,
  ) {}

  deadlines(receivedAt: Date, targets: SlaTargets): SlaDeadlines {
    const minute = Math.floor(receivedAt.getTime() / MINUTE) * MINUTE;
    const key = `${minute}:${targets.acknowledgeHours}:${targets.registrationDays}:${targets.resolutionDays}`;
    let found = this.cache.get(key);
    if (!found) {
      found = computeSlaDeadlines(this.calendar, new Date(minute), targets, this.warnRatio);
      if (this.cache.size >= this.capacity) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, found);
    }
    return found;
  }
}
