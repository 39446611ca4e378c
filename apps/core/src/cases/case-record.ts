import type { CaseStatus, Channel, FeedbackType } from '@app/contracts';
import type { SlaDeadlines } from '../sla/sla-policy';

/** The SLA clock of a case: when it started and when each target is due and warned about. */
export type CaseSla = SlaDeadlines;

export interface CaseRouting {
  storeCode: string | null;
  regionCode: string | null;
  managerId: string | null;
  /** store_code, recipient, channel_account, text, unresolved (triage), manual. */
  via: string;
}

/** A case about to be inserted: everything core decided when the first message arrived. */
export interface NewCaseRecord {
  id: string;
  reference: string;
  referenceYear: number;
  referenceSerial: number;
  status: CaseStatus;
  feedbackType: FeedbackType;
  category: string;
  channel: Channel;
  channelAccount: string;
  customerId: string;
  firstMessageId: string;
  receivedAt: Date;
  openedAt: Date;
  routing: CaseRouting;
  sla: CaseSla;
  relatedCaseIds: string[];
  /** Why it was classified and routed so, for the case history. */
  explanation: Record<string, unknown>;
}
