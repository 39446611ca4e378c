/** `202 Accepted`: the message is on its way; the reference is there when core was quick enough. */
export interface SubmissionAccepted {
  messageId: string;
  reference?: string;
}
