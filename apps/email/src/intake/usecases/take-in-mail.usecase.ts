import { Inject, Injectable, Logger } from '@nestjs/common';
import { ChannelHealthReporter, replyReceipt } from '@app/adapter-kit';
import { BLOB_STORE, type BlobStore } from '@app/blob-store';
import {
  Topics,
  type AttachmentRef,
  type DeadLetterV1,
  type OutboundReceiptV1,
} from '@app/contracts';
import { EventPublisher, type Publication } from '@app/kafka';
import { GatewayMetrics } from '@app/metrics';
import { errorCode, errorMessage, isRetriable } from '@app/platform';
import { EMAIL_CONFIG, type EmailConfig } from '../../config/email.config';
import { mailboxKey, type MailboxConfig } from '../../config/mailbox-config';
import { EmailException } from '../../email.exception';
import { OutboundMailRepository } from '../../replies/outbound-mail.repository';
import { customerEnvelope, mailDeadLetter, type MailPosition } from '../mail-envelope';
import { readMail, type AutomaticMailReading, type ReadMailOptions } from '../read-mail';

export type TakeInOutcome = 'message' | 'dead_letter';

/**
 * Takes one raw mail in: keeps the raw bytes and the attachments in the blob store, and publishes
 * either its envelope or a dead letter with the reason (automatic mail, no usable sender,
 * unparsable), plus an `undeliverable` receipt when it is a bounce of one of our replies.
 * Resolves once Kafka has everything, so the caller may then move the checkpoint past it. Throws
 * only what a retry may cure (Kafka, the disk), never because of the mail itself.
 */
@Injectable()
export class TakeInMail {
  private readonly logger = new Logger(TakeInMail.name);
  private readonly readOptions: ReadMailOptions;

  constructor(
    @Inject(EMAIL_CONFIG) config: EmailConfig,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    private readonly publisher: EventPublisher,
    private readonly outboundMails: OutboundMailRepository,
    private readonly health: ChannelHealthReporter,
    private readonly metrics: GatewayMetrics,
  ) {
    const own = new Set(config.mailboxes.map((m) => m.address));
    const from = config.smtp?.from && /<([^<>\s]+)>\s*$/.exec(config.smtp.from)?.[1];
    if (config.smtp?.from) own.add((from || config.smtp.from).trim().toLowerCase());
    this.readOptions = {
      fallbackCharset: config.intake.fallbackCharset,
      parseTimeoutMs: config.intake.parseTimeoutMs,
      stripQuoted: config.intake.stripQuoted,
      ownAddresses: own,
    };
  }

  /**
   * `tooLargeBytes`: the mail was over EMAIL_RAW_MAX_BYTES and `raw` holds its headers only; it is
   * dead-lettered with the reason, and the whole mail stays on the server.
   */
  async execute(
    mailbox: MailboxConfig,
    raw: Buffer,
    position: MailPosition,
    tooLargeBytes?: number,
  ): Promise<TakeInOutcome> {
    const account = mailboxKey(mailbox);
    const rawBlob = await this.store(raw);
    const rawSha256 = rawBlob?.sha256;
    const reading = await readMail(raw, this.readOptions);
    const publications: Publication[] = [];
    // Every dead letter of this mail names the same mail; only its reason differs.
    const mail = { mailbox, sourceId: reading.sourceId, position, raw, rawSha256 };
    const deadLetter = (reason: Parameters<typeof mailDeadLetter>[0]['reason']): Publication => ({
      topic: Topics.DeadLetters,
      payload: mailDeadLetter({ ...mail, reason }),
    });
    let outcome: TakeInOutcome = 'dead_letter';
    if (tooLargeBytes !== undefined) {
      publications.push(
        deadLetter({
          code: 'mail_too_large',
          message: `mail of ${tooLargeBytes} bytes exceeds EMAIL_RAW_MAX_BYTES: only its headers were read; it stays on the IMAP server`,
        }),
      );
    } else if (!rawBlob) {
      publications.push(
        deadLetter({
          code: 'mail_too_large',
          message: `raw mail of ${raw.length} bytes exceeds the blob store limit`,
        }),
      );
    } else if (reading.kind === 'customer') {
      const stored = await this.storeAttachments(reading.attachments);
      publications.push({
        topic: Topics.IntakeMessages,
        payload: customerEnvelope({
          mailbox,
          mail: reading,
          position,
          rawSha256: rawBlob.sha256,
          attachments: stored.refs,
          attachmentsOmitted: stored.omitted,
        }),
      });
      outcome = 'message';
    } else if (reading.kind === 'automatic') {
      const receipt = await this.bounceReceipt(reading, account);
      if (receipt) publications.push({ topic: Topics.OutboundReceipts, payload: receipt });
      publications.push(
        deadLetter({
          code: reading.automatic.kind,
          message: `automatic mail, opens no case: ${reading.automatic.why}`,
          ...(reading.report
            ? {
                details: {
                  permanent: reading.report.permanent,
                  status: reading.report.status ?? null,
                  ourReply: receipt?.replyId ?? null,
                },
              }
            : {}),
        }),
      );
    } else {
      publications.push(deadLetter(reading.reason));
    }
    const replacement = await this.publish(publications, mail);
    if (replacement) outcome = 'dead_letter';
    this.health.received(account);
    if (outcome === 'message') this.metrics.messagesReceived.inc({ channel: 'email', account });
    else {
      const letter =
        replacement ??
        (publications.find((p) => p.topic === Topics.DeadLetters)?.payload as
          DeadLetterV1 | undefined);
      const code = letter?.reason.code ?? 'unknown';
      this.metrics.deadLetters.inc({ reason: code });
      this.logger.log({ mailbox: account, uid: position.uid, reason: code }, 'mail dead-lettered');
    }
    return outcome;
  }

  /**
   * Kafka refusing for good what we built from this mail (an envelope the contract rejects) is a
   * fault of this mail, not of the mailbox: it goes to the dead-letter topic with the reason,
   * so the mails behind it are still taken in. Only what a retry may cure is thrown. Answers the
   * dead letter sent instead, if it came to that.
   */
  private async publish(
    publications: Publication[],
    mail: Omit<Parameters<typeof mailDeadLetter>[0], 'reason'>,
  ): Promise<DeadLetterV1 | undefined> {
    try {
      await this.publisher.publishAll(publications);
      return undefined;
    } catch (error) {
      if (isRetriable(error)) throw error;
      const letter = mailDeadLetter({
        ...mail,
        reason: {
          code: 'envelope_rejected',
          message: `the message built from this mail was refused: ${errorMessage(error)}`,
        },
      });
      await this.publisher.publishAll([{ topic: Topics.DeadLetters, payload: letter }]);
      return letter;
    }
  }

  /** Undefined when the raw mail is over the blob store's size limit. */
  private async store(bytes: Buffer): Promise<{ sha256: string; size: number } | undefined> {
    try {
      return await this.blobs.put(bytes);
    } catch (error) {
      if (errorCode(error) === 'blob_too_large') return undefined;
      throw new EmailException(
        'blob_store_failed',
        `blob store: ${errorMessage(error)}`,
        isRetriable(error),
        {
          cause: error,
        },
      );
    }
  }

  private async storeAttachments(
    attachments: readonly { content: Buffer; filename?: string; contentType: string }[],
  ): Promise<{ refs: AttachmentRef[]; omitted: number }> {
    const refs: AttachmentRef[] = [];
    let omitted = 0;
    for (const a of attachments) {
      // The envelope holds at most a hundred; past that the raw mail still has them all.
      if (refs.length >= 100) {
        omitted++;
        continue;
      }
      const stored = await this.store(a.content);
      if (!stored) {
        omitted++;
        continue;
      }
      refs.push({
        sha256: stored.sha256,
        size: stored.size,
        contentType: (a.contentType || 'application/octet-stream').slice(0, 200),
        ...(a.filename ? { filename: a.filename.slice(0, 500) } : {}),
      });
    }
    return { refs, omitted };
  }

  /** A permanent bounce of one of our replies: the contact is undeliverable on that case. */
  private async bounceReceipt(
    reading: AutomaticMailReading,
    account: string,
  ): Promise<OutboundReceiptV1 | undefined> {
    if (!reading.report?.permanent) return undefined;
    const reply = await this.outboundMails.bounced(reading.report.messageIds);
    if (!reply) return undefined;
    return replyReceipt(
      {
        replyId: reply.replyId,
        caseId: reply.caseId,
        channel: 'email',
        // The account the reply went from; the mailbox the bounce reached if the row names none.
        channelAccount: reply.channelAccount || account,
      },
      {
        status: 'undeliverable',
        providerMessageId: reply.messageId,
        error: {
          code: reading.report.status ?? 'bounced',
          message: 'the recipient mail server returned our reply as undeliverable',
        },
      },
    );
  }
}
