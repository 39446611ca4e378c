import type { AttachmentRef, InboundMessageV1, Language } from '@app/contracts';
import type { WebFormSubmission } from './dto/web-form-submission.schema';

/** How a submission came in; stored in the envelope's metadata for ops, not interpreted. */
export type SubmissionVia = 'page' | 'api';

/** The normalized envelope for a form submission; the form's own fields map one to one. */
export function webFormEnvelope(args: {
  submission: WebFormSubmission;
  attachments: AttachmentRef[];
  messageId: string;
  account: string;
  receivedAt: Date;
  language: Language;
  consentNoticeVersion: string;
  via: SubmissionVia;
  /** A store the customer typed that matched no store in the list (core was unreachable). */
  storeText?: string;
}): InboundMessageV1 {
  const { submission: s } = args;
  const metadata: Record<string, string> = { via: args.via };
  if (args.storeText) metadata.storeText = args.storeText;
  return {
    schemaVersion: 1,
    messageId: args.messageId,
    channel: 'web-form',
    channelAccount: args.account,
    // The form has no id of its own: the messageId is the source id, and a retried request with
    // the same Idempotency-Key carries the same messageId, which core recognises as a redelivery.
    sourceId: args.messageId,
    receivedAt: args.receivedAt.toISOString(),
    sender: {
      name: s.name,
      surname: s.surname,
      patronymic: s.patronymic,
      phone: s.phone,
      email: s.email,
    },
    text: s.message,
    language: s.language ?? args.language,
    declaredType: s.type,
    storeCode: s.storeCode?.toUpperCase(),
    employee: s.employee,
    attachments: args.attachments,
    consent: {
      given: s.consent,
      noticeVersion: args.consentNoticeVersion,
      givenAt: args.receivedAt.toISOString(),
    },
    metadata,
  };
}
