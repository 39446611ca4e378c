import type { CaseStatus, Channel, FeedbackType } from '@app/contracts';
import type { CaseEntity } from '../case.entity';

/** What the case API shows of a case. Entities never leave through the API. */
export interface CaseResponse {
  reference: string;
  status: CaseStatus;
  type: FeedbackType;
  channel: Channel;
  receivedAt: string;
  openedAt: string;
}

export function toCaseResponse(entity: CaseEntity): CaseResponse {
  return {
    reference: entity.reference,
    status: entity.status,
    type: entity.feedbackType,
    channel: entity.channel,
    receivedAt: entity.receivedAt.toISOString(),
    openedAt: entity.openedAt.toISOString(),
  };
}
