/** What happens to a new (not redelivered) inbound message. */
export type IntakeDecision =
  | { kind: 'attach'; caseId: string; via: 'reference' | 'email_thread' | 'conversation' }
  | { kind: 'duplicate'; caseId: string; similarity: number }
  | { kind: 'open'; relatedCaseIds: string[] };
