import type { CaseStatus, Channel, FeedbackType } from '@app/contracts';
import type { CaseEntity } from '../case.entity';
import { slaStateOf, type SlaState } from '../sla-state';

/** What the case API shows of a case. Entities never leave through the API. */
export interface CaseResponse {
  reference: string;
  status: CaseStatus;
  type: FeedbackType;
  category: string;
  channel: Channel;
  receivedAt: string;
  openedAt: string;
  lastMessageAt: string;
  updatedAt: string;
  /** When the case was last resolved / closed (null while it is not). */
  resolvedAt: string | null;
  closedAt: string | null;
  messageCount: number;
  /** Times the customer came back with the same complaint (any channel). */
  repeatContacts: number;
  routing: {
    storeCode: string | null;
    regionCode: string | null;
    triage: boolean;
    via: string | null;
  };
  sla: {
    startedAt: string | null;
    acknowledgeDueAt: string | null;
    registrationDueAt: string | null;
    resolutionDueAt: string | null;
    escalated: boolean;
    /** on_time, warning (80% of a target's time used) or breached, right now. */
    state: SlaState;
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toCaseResponse(entity: CaseEntity, now: Date = new Date()): CaseResponse {
  return {
    reference: entity.reference,
    status: entity.status,
    type: entity.feedbackType,
    category: entity.category,
    channel: entity.channel,
    receivedAt: entity.receivedAt.toISOString(),
    openedAt: entity.openedAt.toISOString(),
    lastMessageAt: entity.lastMessageAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
    resolvedAt: iso(entity.resolvedAt ?? null),
    closedAt: iso(entity.closedAt ?? null),
    messageCount: entity.messageCount,
    repeatContacts: entity.repeatContacts,
    routing: {
      storeCode: entity.storeCode,
      regionCode: entity.regionCode,
      triage: entity.regionCode === null,
      via: entity.routedVia,
    },
    sla: {
      startedAt: iso(entity.slaStartedAt),
      acknowledgeDueAt: iso(entity.acknowledgeDueAt),
      registrationDueAt: iso(entity.registrationDueAt),
      resolutionDueAt: iso(entity.resolutionDueAt),
      escalated: entity.escalatedAt !== null,
      state: slaStateOf(entity, now),
    },
  };
}
