import { z } from 'zod';
import { CaseStatusSchema, ChannelSchema, FeedbackTypeSchema } from './channel';

const isoTime = z.iso.datetime({ offset: true });

const base = {
  schemaVersion: z.literal(1),
  eventId: z.uuid(),
  occurredAt: isoTime,
  caseId: z.uuid(),
  reference: z.string().min(1).max(40),
};

export const SLA_TARGETS = ['acknowledge', 'registration', 'resolution'] as const;
export const SlaTargetSchema = z.enum(SLA_TARGETS);
export type SlaTarget = z.infer<typeof SlaTargetSchema>;

/** How a message found its case when it did not open one. */
export const ATTACH_REASONS = ['reference', 'email_thread', 'conversation'] as const;

export const CaseCreatedV1Schema = z.object({
  ...base,
  type: z.literal('case.created'),
  data: z.object({
    /** The inbound message that opened the case: adapters use it to answer the sender. */
    messageId: z.uuid(),
    channel: ChannelSchema,
    channelAccount: z.string(),
    feedbackType: FeedbackTypeSchema,
    category: z.string(),
    status: CaseStatusSchema,
    customerId: z.uuid(),
    receivedAt: isoTime,
    /** Cases this one is related to: a stranger quoting another customer's reference number. */
    relatedReferences: z.array(z.string()).default([]),
    sla: z.object({
      startedAt: isoTime,
      acknowledgeDueAt: isoTime,
      registrationDueAt: isoTime,
      resolutionDueAt: isoTime,
    }),
  }),
});

/** Where a case was sent: a store and its region's manager, a region only, or the triage queue. */
export const CaseRoutedV1Schema = z.object({
  ...base,
  type: z.literal('case.routed'),
  data: z.object({
    storeCode: z.string().nullable(),
    regionCode: z.string().nullable(),
    managerId: z.uuid().nullable(),
    triage: z.boolean(),
    /** store_code, recipient, channel_account, text, manual... */
    via: z.string(),
    /** Who re-routed by hand, with their reason; absent for automatic routing. */
    by: z.string().optional(),
    reason: z.string().max(1000).optional(),
  }),
});

/** A later message joined its case (a reply, a follow-up, a conversation going on). */
export const CaseMessageAttachedV1Schema = z.object({
  ...base,
  type: z.literal('case.message_attached'),
  data: z.object({
    messageId: z.uuid(),
    channel: ChannelSchema,
    via: z.enum(ATTACH_REASONS),
  }),
});

/** The same customer said nearly the same thing again, maybe on another channel: a repeated contact. */
export const CaseDuplicateLinkedV1Schema = z.object({
  ...base,
  type: z.literal('case.duplicate_linked'),
  data: z.object({
    messageId: z.uuid(),
    channel: ChannelSchema,
    similarity: z.number().min(0).max(1),
  }),
});

/**
 * A redelivered inbound message (same channel and source id): nothing new was created. Adapters
 * that answer synchronously (web form, call centre) use it to give a retried request the
 * reference of the case the first delivery opened.
 */
export const MessageDuplicateV1Schema = z.object({
  ...base,
  type: z.literal('message.duplicate'),
  data: z.object({
    messageId: z.uuid(),
    channel: ChannelSchema,
  }),
});

/**
 * A case moved along its workflow: by a person (ops API), by the customer (agreement or "the
 * problem remains" on the tracking page or in a reply) or by the system (closed after the quiet
 * period following Resolved). Core's notifier tells the customer on their channel.
 */
export const CaseStatusChangedV1Schema = z.object({
  ...base,
  type: z.literal('case.status_changed'),
  data: z.object({
    from: CaseStatusSchema,
    to: CaseStatusSchema,
    /** 'customer', 'system', or the ops token's name. */
    by: z.string().min(1).max(200),
    actor: z.enum(['ops', 'customer', 'system']),
    /** Why, without personal data: shown to ops and, for a reopen, on the timeline. */
    reason: z.string().max(1000).optional(),
    channel: ChannelSchema,
    channelAccount: z.string(),
    customerId: z.uuid(),
  }),
});

const slaData = z.object({
  target: SlaTargetSchema,
  dueAt: isoTime,
  regionCode: z.string().nullable(),
  managerId: z.uuid().nullable(),
});

/** 80% of the working time to a target has passed. */
export const SlaWarningV1Schema = z.object({
  ...base,
  type: z.literal('sla.warning'),
  data: slaData,
});

/** A target was missed; the case is now escalated. */
export const SlaBreachedV1Schema = z.object({
  ...base,
  type: z.literal('sla.breached'),
  data: slaData,
});

/**
 * The resolution target will be missed: core reminds the manager to give a reason and a new date
 * (`reminder`), and the manager's answer is told to the customer (`announced`).
 */
export const CaseResolutionDelayV1Schema = z.object({
  ...base,
  type: z.literal('case.resolution_delay'),
  data: z.object({
    phase: z.enum(['reminder', 'announced']),
    resolutionDueAt: isoTime,
    /** The new date promised to the customer (YYYY-MM-DD), once announced. */
    newDate: z.iso.date().optional(),
    /** Why, as told to the customer: no personal data. */
    reason: z.string().max(1000).optional(),
    regionCode: z.string().nullable(),
    managerId: z.uuid().nullable(),
    by: z.string().max(200).optional(),
  }),
});

export const CaseEventV1Schema = z.discriminatedUnion('type', [
  CaseCreatedV1Schema,
  CaseRoutedV1Schema,
  CaseMessageAttachedV1Schema,
  CaseDuplicateLinkedV1Schema,
  MessageDuplicateV1Schema,
  CaseStatusChangedV1Schema,
  SlaWarningV1Schema,
  SlaBreachedV1Schema,
  CaseResolutionDelayV1Schema,
]);
export type CaseEventV1 = z.infer<typeof CaseEventV1Schema>;
export type CaseEventType = CaseEventV1['type'];
export type CaseEventOf<T extends CaseEventType> = Extract<CaseEventV1, { type: T }>;

/** Events of one case share a key, so they stay in order for every consumer. */
export function caseEventKey(event: CaseEventV1): string {
  return event.caseId;
}

/** The inbound message an event answers, when it answers one. */
export function messageIdOf(event: CaseEventV1): string | undefined {
  return 'messageId' in event.data ? event.data.messageId : undefined;
}
