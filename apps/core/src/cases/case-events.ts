import { randomUUID } from 'node:crypto';
import type {
  CaseEventOf,
  CaseEventType,
  CaseEventV1,
  CaseStatus,
  Channel,
  SlaTarget,
} from '@app/contracts';
import type { NewCaseRecord } from './case-record';

type Data<T extends CaseEventType> = CaseEventOf<T>['data'];

function event<T extends CaseEventType>(
  type: T,
  c: { id: string; reference: string },
  at: Date,
  data: Data<T>,
): CaseEventV1 {
  return {
    schemaVersion: 1,
    eventId: randomUUID(),
    occurredAt: at.toISOString(),
    type,
    caseId: c.id,
    reference: c.reference,
    data,
  } as CaseEventV1;
}

export function caseCreatedEvent(c: NewCaseRecord, relatedReferences: string[]): CaseEventV1 {
  return event('case.created', c, c.openedAt, {
    messageId: c.firstMessageId,
    channel: c.channel,
    channelAccount: c.channelAccount,
    feedbackType: c.feedbackType,
    category: c.category,
    status: c.status,
    customerId: c.customerId,
    receivedAt: c.receivedAt.toISOString(),
    relatedReferences,
    sla: {
      startedAt: c.sla.startedAt.toISOString(),
      acknowledgeDueAt: c.sla.acknowledgeDueAt.toISOString(),
      registrationDueAt: c.sla.registrationDueAt.toISOString(),
      resolutionDueAt: c.sla.resolutionDueAt.toISOString(),
    },
  });
}

export function caseRoutedEvent(
  c: { id: string; reference: string },
  routing: {
    storeCode: string | null;
    regionCode: string | null;
    managerId: string | null;
    via: string;
  },
  at: Date,
  manual?: { by: string; reason: string },
): CaseEventV1 {
  return event('case.routed', c, at, {
    storeCode: routing.storeCode,
    regionCode: routing.regionCode,
    managerId: routing.managerId,
    triage: routing.regionCode === null,
    via: routing.via,
    ...(manual ?? {}),
  });
}

export function messageAttachedEvent(
  c: { id: string; reference: string },
  message: { messageId: string; channel: Channel },
  via: 'reference' | 'email_thread' | 'conversation',
  at: Date,
): CaseEventV1 {
  return event('case.message_attached', c, at, { ...message, via });
}

export function duplicateLinkedEvent(
  c: { id: string; reference: string },
  message: { messageId: string; channel: Channel },
  similarity: number,
  at: Date,
): CaseEventV1 {
  return event('case.duplicate_linked', c, at, {
    ...message,
    similarity: Math.round(similarity * 1000) / 1000,
  });
}

export function messageDuplicateEvent(
  c: { id: string; reference: string },
  message: { messageId: string; channel: Channel },
  at: Date,
): CaseEventV1 {
  return event('message.duplicate', c, at, message);
}

export function slaEvent(
  kind: 'sla.warning' | 'sla.breached',
  c: { id: string; reference: string; regionCode: string | null; managerId: string | null },
  target: SlaTarget,
  dueAt: Date,
  at: Date,
): CaseEventV1 {
  return event(kind, c, at, {
    target,
    dueAt: dueAt.toISOString(),
    regionCode: c.regionCode,
    managerId: c.managerId,
  });
}

export function caseStatusChangedEvent(
  c: {
    id: string;
    reference: string;
    channel: Channel;
    channelAccount: string;
    customerId: string;
  },
  change: {
    from: CaseStatus;
    to: CaseStatus;
    actor: 'ops' | 'customer' | 'system';
    by: string;
    reason?: string;
  },
  at: Date,
): CaseEventV1 {
  return event('case.status_changed', c, at, {
    ...change,
    channel: c.channel,
    channelAccount: c.channelAccount,
    customerId: c.customerId,
  });
}

/** The manager is reminded to explain a late resolution, or has announced the reason and date. */
export function resolutionDelayEvent(
  c: { id: string; reference: string },
  at: Date,
  data: Data<'case.resolution_delay'>,
): CaseEventV1 {
  return event('case.resolution_delay', c, at, data);
}
