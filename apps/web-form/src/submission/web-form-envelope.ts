import type { InboundMessageV1, Language } from '@app/contracts';
import type { WebFormSubmission } from './dto/web-form-submission.schema';

/** The normalized envelope for a form submission; the form's own fields map one to one. */
export function webFormEnvelope(args: {
  submission: WebFormSubmission;
  messageId: string;
  account: string;
  receivedAt: Date;
  language: Language;
  consentNoticeVersion: string;
}): InboundMessageV1 {
  const { submission: s } = args;
  return {
    schemaVersion: 1,
    messageId: args.messageId,
    channel: 'web-form',
    channelAccount: args.account,
    // The form has no id of its own: the messageId is the source id, and a retried request with
    // the same Idempotency-Key carries the same messageId, which core recognises as a redelivery.
    sourceId: args.messageId,
    receivedAt: args.receivedAt.toISOString(),
    sender: { name: s.name, surname: s.surname, phone: s.phone, email: s.email },
    text: s.message,
    language: s.language ?? args.language,
    declaredType: s.type,
    storeCode: s.storeCode?.toUpperCase(),
    attachments: [],
    consent: {
      given: s.consent,
      noticeVersion: args.consentNoticeVersion,
      givenAt: args.receivedAt.toISOString(),
    },
  };
}
