import { GatewayException } from '@app/platform';

/** A status change the workflow does not allow. Never retriable: the same request fails again. */
export class WorkflowException extends GatewayException {
  constructor(code: WorkflowErrorCode, message: string, details?: unknown) {
    super(code, message, false, details);
  }
}

export type WorkflowErrorCode = 'status_transition_forbidden' | 'case_close_needs_agreement';
