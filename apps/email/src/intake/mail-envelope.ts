import type { AttachmentRef, DeadLetterV1, InboundMessageV1 } from '@app/contracts';
import { channelDeadLetter, failureReason } from '@app/kafka';
import { nameBasedId } from '@app/platform';
import { mailboxKey, type MailboxConfig } from '../config/mailbox-config';
import type { CustomerMail, MailRejection } from './read-mail';

const MAX_TEXT = 100_000;
const MAX_SUBJECT = 998;
/** Larger raw mails travel in dead letters by claim check only: Kafka caps message sizes. */
const MAX_DEAD_LETTER_RAW = 512 * 1024;

/** Where a mail sits in its mailbox: how envelopes and dead letters name it. */
export interface MailPosition {
  uid: number;
  uidValidity: string;
}

/**
 * The same mail read again (after a crash between publish and checkpoint, or a UIDVALIDITY
 * resync) gets the same envelope id, so every copy downstream is recognisably one message.
 */
function envelopeIdOf(sourceId: string): string {
  return nameBasedId(`email:${sourceId}`);
}

export function customerEnvelope(args: {
  mailbox: MailboxConfig;
  mail: CustomerMail;
  position: MailPosition;
  rawSha256: string;
  attachments: AttachmentRef[];
  attachmentsOmitted: number;
}): InboundMessageV1 {
  const { mailbox, mail, position } = args;
  const parsed = mail.parsed;
  const text = mail.text.length > MAX_TEXT ? mail.text.slice(0, MAX_TEXT) : mail.text;
  return {
    schemaVersion: 1,
    messageId: envelopeIdOf(mail.sourceId),
    channel: 'email',
    channelAccount: mailboxKey(mailbox),
    sourceId: mail.sourceId,
    receivedAt: new Date().toISOString(),
    ...(parsed.date ? { sentAt: parsed.date.toISOString() } : {}),
    sender: { email: mail.email, ...(mail.displayName ? { displayName: mail.displayName } : {}) },
    // Core routes by the address the customer wrote to; a mailbox mapped to a region names its contact.
    recipient: mailbox.regionContact ?? mailbox.address,
    ...(parsed.subject ? { subject: parsed.subject.slice(0, MAX_SUBJECT) } : {}),
    text,
    ...(mailbox.storeCode ? { storeCode: mailbox.storeCode } : {}),
    threading: {
      ...(parsed.inReplyTo ? { inReplyTo: parsed.inReplyTo } : {}),
      ...(parsed.references.length > 0 ? { references: parsed.references } : {}),
    },
    attachments: args.attachments,
    metadata: {
      rawSha256: args.rawSha256,
      imapUid: position.uid,
      uidValidity: position.uidValidity,
      hasHtml: parsed.hasHtml,
      quotedStripped: mail.quotedStripped,
      textTruncated: mail.text.length > MAX_TEXT,
      attachmentsOmitted: args.attachmentsOmitted,
    },
  };
}

/** A mail that opens nothing (unparsable, no usable sender, automatic): kept with its reason. */
export function mailDeadLetter(args: {
  mailbox: MailboxConfig;
  sourceId: string;
  reason: MailRejection & { details?: unknown };
  position: MailPosition;
  raw: Buffer;
  rawSha256?: string;
}): DeadLetterV1 {
  const { raw } = args;
  const inline = raw.length <= MAX_DEAD_LETTER_RAW;
  return channelDeadLetter({
    service: 'email',
    channel: 'email',
    channelAccount: mailboxKey(args.mailbox),
    sourceId: args.sourceId.slice(0, 998),
    reason: failureReason(args.reason.code, args.reason.message, args.reason.details),
    // Always base64, not the UTF-8 test channelDeadLetter makes: a raw mail is bytes (8-bit parts
    // in any charset), not text. Too large, it is left out and the headers say where it is.
    payload: inline
      ? { encoding: 'base64', data: raw.toString('base64') }
      : { encoding: 'utf8', data: '' },
    headers: {
      imapUid: String(args.position.uid),
      uidValidity: args.position.uidValidity,
      ...(args.rawSha256 ? { rawSha256: args.rawSha256 } : {}),
      ...(inline
        ? {}
        : {
            rawOmitted: args.rawSha256
              ? `raw mail of ${raw.length} bytes is in the blob store`
              : `raw mail of ${raw.length} bytes was too large to keep; it stays on the IMAP server`,
          }),
    },
    attempts: 1,
  });
}
