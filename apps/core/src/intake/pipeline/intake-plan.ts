import type { InboundMessageV1 } from '@app/contracts';
import type { ConsumedMessage } from '@app/kafka';
import type { IntakeDecision } from './intake-decision';

export interface PlannedMessage {
  inbound: ConsumedMessage<'intake.messages.v1'>;
  message: InboundMessageV1;
  customerId: string;
  fingerprint: number[];
  decision: IntakeDecision;
  /** The case it ends up on: an existing one, or the id chosen for the case it opens. */
  caseId: string;
}

export interface Redelivery {
  message: InboundMessageV1;
  /** The case of the first delivery, when known. */
  caseId: string | null;
  existingMessageId: string;
  /** Whether the first delivery is already stored (else it is earlier in this batch). */
  stored: boolean;
}

/** The batch's decisions, in message order, before anything is written. */
export class IntakePlan {
  readonly messages: PlannedMessage[] = [];
  readonly redeliveries: Redelivery[] = [];

  add(planned: PlannedMessage): void {
    this.messages.push(planned);
  }

  get opening(): PlannedMessage[] {
    return this.messages.filter((m) => m.decision.kind === 'open');
  }

  get joining(): PlannedMessage[] {
    return this.messages.filter((m) => m.decision.kind !== 'open');
  }
}

export function linkKindOf(decision: IntakeDecision): string {
  switch (decision.kind) {
    case 'open':
      return 'opened';
    case 'duplicate':
      return 'duplicate';
    case 'attach':
      return decision.via;
  }
}
