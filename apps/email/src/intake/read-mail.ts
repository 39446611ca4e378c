import type { Attachment } from 'mailparser';
import { automaticMail, type AutomaticMail } from '../parsing/automatic-mail';
import { readDeliveryReport, type DeliveryReport } from '../parsing/delivery-report';
import { MailParseException, parseMail, type ParsedEmail } from '../parsing/mail-parser';
import { syntheticMessageId } from '../parsing/message-ids';
import { stripQuotedHistory } from '../parsing/quoted-history';
import { senderOf } from '../parsing/sender';

/** Why a mail was not turned into an envelope: the dead letter's reason, without content. */
export interface MailRejection {
  code: string;
  message: string;
}

export interface CustomerMail {
  kind: 'customer';
  sourceId: string;
  parsed: ParsedEmail;
  email: string;
  displayName?: string;
  /** The customer's own words (quoted history cut when configured). */
  text: string;
  quotedStripped: boolean;
  attachments: Attachment[];
}

export interface AutomaticMailReading {
  kind: 'automatic';
  sourceId: string;
  automatic: AutomaticMail;
  /** Present for delivery reports: what bounced, and whether for good. */
  report?: DeliveryReport;
}

export interface RejectedMail {
  kind: 'rejected';
  sourceId: string;
  reason: MailRejection;
}

export type MailReading = CustomerMail | AutomaticMailReading | RejectedMail;

export interface ReadMailOptions {
  fallbackCharset: string;
  parseTimeoutMs: number;
  stripQuoted: boolean;
  /** Our own addresses (mailboxes, SMTP_FROM): mail from them is a loop, never a complaint. */
  ownAddresses: ReadonlySet<string>;
}

/**
 * What a raw mail is: a customer's message, an automatic mail (bounce, auto-reply, list mail)
 * or one that cannot be taken in, with the reason. Never throws for anything about the mail
 * itself, so one bad mail cannot block its mailbox.
 */
export async function readMail(raw: Buffer, options: ReadMailOptions): Promise<MailReading> {
  let parsed: ParsedEmail;
  try {
    parsed = await parseMail(raw, {
      fallbackCharset: options.fallbackCharset,
      timeoutMs: options.parseTimeoutMs,
    });
  } catch (error) {
    const reason =
      error instanceof MailParseException
        ? { code: error.code, message: error.message }
        : { code: 'unparsable_mail', message: `parsing failed: ${(error as Error).message}` };
    return { kind: 'rejected', sourceId: syntheticMessageId(raw), reason };
  }
  const sourceId = parsed.messageId ?? syntheticMessageId(raw);
  const sender = senderOf({
    from: parsed.from,
    replyTo: parsed.replyTo,
    sender: parsed.sender,
    rawHeader: (name) => parsed.header(name),
  });
  const automatic = automaticMail({
    header: (name) => parsed.header(name),
    subject: parsed.subject,
    fromAddress: sender.ok ? sender.email : undefined,
  });
  if (automatic) {
    const report =
      automatic.kind === 'delivery_report'
        ? readDeliveryReport(
            raw,
            { inReplyTo: parsed.inReplyTo, references: parsed.references },
            parsed.subject,
          )
        : undefined;
    return { kind: 'automatic', sourceId, automatic, report };
  }
  if (!sender.ok) {
    return {
      kind: 'rejected',
      sourceId,
      reason: { code: sender.code, message: sender.message },
    };
  }
  if (options.ownAddresses.has(sender.email.toLowerCase())) {
    return {
      kind: 'automatic',
      sourceId,
      automatic: { kind: 'auto_reply', why: 'sent from one of our own addresses (mail loop)' },
    };
  }
  const { text, stripped } = options.stripQuoted
    ? stripQuotedHistory(parsed.text)
    : { text: parsed.text, stripped: false };
  return {
    kind: 'customer',
    sourceId,
    parsed,
    email: sender.email,
    displayName: sender.displayName,
    text,
    quotedStripped: stripped,
    attachments: parsed.attachments,
  };
}
