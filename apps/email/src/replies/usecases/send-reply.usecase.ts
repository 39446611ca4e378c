import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  ADAPTER_KIT_OPTIONS,
  ChannelHealthReporter,
  replyReceipt,
  SentReplyRepository,
  type AdapterKitOptions,
  type ReplyOutcome,
} from '@app/adapter-kit';
import { Topics, type OutboundReplyV1 } from '@app/contracts';
import { EventPublisher, type BatchOutcome, type ConsumedBatch } from '@app/kafka';
import { GatewayMetrics } from '@app/metrics';
import { EMAIL_CONFIG, type EmailConfig } from '../../config/email.config';
import { mailboxKey, type MailboxConfig } from '../../config/mailbox-config';
import { EmailException } from '../../email.exception';
import { FailedReplyRepository } from '../failed-reply.repository';
import { OutboundMailRepository } from '../outbound-mail.repository';
import { replyMail } from '../reply-mail';
import { smtpFailure } from '../smtp-failure';
import { SmtpMailer } from '../smtp-mailer';

/** What `send` ends in: a reply is sent or failed here; `undeliverable` comes from a bounce. */
type Outcome = Extract<ReplyOutcome, { status: 'sent' | 'failed' }>;

/**
 * Sends core's e-mail replies over SMTP, each once (claimed by replyId before, marked after),
 * threaded into the customer's conversation, and answers each with a receipt: `sent` with the
 * Message-ID (core threads the customer's answer by it) or `failed` after the retries. A `failed`
 * receipt is final and goes out once: the reply is not tried again when redelivered. Replies
 * for an account that is not one of our mailboxes (a web-form case acknowledged by e-mail) go
 * out with the plain SMTP settings.
 */
@Injectable()
export class SendReply {
  private readonly logger = new Logger(SendReply.name);
  private readonly mailboxes: Map<string, MailboxConfig>;

  constructor(
    @Inject(EMAIL_CONFIG) private readonly config: EmailConfig,
    @Inject(ADAPTER_KIT_OPTIONS) private readonly kit: AdapterKitOptions,
    private readonly sentReplies: SentReplyRepository,
    private readonly outboundMails: OutboundMailRepository,
    private readonly failedReplies: FailedReplyRepository,
    private readonly mailer: SmtpMailer,
    private readonly publisher: EventPublisher,
    private readonly health: ChannelHealthReporter,
    private readonly metrics: GatewayMetrics,
  ) {
    this.mailboxes = new Map(
      config.mailboxes.flatMap((m) => [
        [mailboxKey(m).toLowerCase(), m],
        [m.address, m],
      ]),
    );
  }

  async execute(batch: ConsumedBatch<typeof Topics.OutboundReplies>): Promise<BatchOutcome> {
    const replies = batch.map((m) => m.value).filter((r) => r.channel === 'email');
    // PostgreSQL answers uuids in lower case; the contract also lets upper case through.
    const reported = await this.failedReplies.reportedAmong(replies.map((r) => r.replyId));
    for (const reply of replies) {
      const id = reply.replyId.toLowerCase();
      if (reported.has(id)) {
        this.logger.debug({ replyId: reply.replyId }, 'reply already reported failed, skipped');
        continue;
      }
      const outcome = await this.send(reply);
      await this.publisher.publish(Topics.OutboundReceipts, replyReceipt(reply, outcome));
      if (outcome.status === 'failed') {
        // Recorded only once core has the receipt: before, a Kafka failure would lose it for good.
        await this.failedReplies.record(reply, outcome.error.code);
        reported.add(id);
      }
    }
    return {};
  }

  private async send(reply: OutboundReplyV1): Promise<Outcome> {
    const to = reply.recipient.email;
    if (!to) {
      return {
        status: 'failed',
        error: { code: 'recipient_missing', message: 'the reply names no e-mail address' },
      };
    }
    const smtp = this.config.smtp;
    if (!smtp) {
      return {
        status: 'failed',
        error: {
          code: 'smtp_not_configured',
          message: 'SMTP_HOST is not set: the adapter cannot send',
        },
      };
    }
    const claim = await this.sentReplies.claim(reply.replyId, this.kit.instanceId);
    if (claim.state === 'sent')
      return { status: 'sent', providerMessageId: claim.providerMessageId };
    if (claim.state === 'in_progress') {
      throw new EmailException('reply_in_progress', 'another instance is sending this reply', true);
    }
    const mailbox = this.mailboxes.get(reply.channelAccount.toLowerCase());
    const mail = replyMail(reply, smtp.messageIdDomain);
    await this.outboundMails.prepare({
      replyId: reply.replyId,
      caseId: reply.caseId,
      channelAccount: reply.channelAccount,
      messageId: mail.messageId,
    });
    let messageId: string;
    try {
      messageId = await this.mailer.send({
        ...mail,
        to,
        // The customer's answer must come back to the mailbox we read.
        ...(mailbox ? { replyTo: mailbox.address } : {}),
        text: reply.text,
      });
    } catch (error) {
      return this.sendFailed(reply, mailbox, error);
    }
    // The SMTP server has the mail: from here on a failure (PostgreSQL) must not release the claim,
    // or the retry would send the customer the same mail again. It propagates as retriable; the
    // retry finds the claim in progress and waits until it is marked or goes stale.
    await this.sentReplies.markSent(reply.replyId, messageId);
    await this.outboundMails.markSent(reply.replyId);
    this.metrics.replies.inc({ channel: 'email', status: 'sent' });
    if (mailbox) this.health.sent(mailboxKey(mailbox));
    return { status: 'sent', providerMessageId: messageId };
  }

  /** Retried with backoff (thrown) while SMTP may still take it; a failed receipt after that. */
  private async sendFailed(
    reply: OutboundReplyV1,
    mailbox: MailboxConfig | undefined,
    error: unknown,
  ): Promise<Outcome> {
    await this.sentReplies.release(reply.replyId);
    const failure = smtpFailure(error);
    const attempts = await this.outboundMails.failedAttempt(reply.replyId, failure.code);
    if (mailbox) this.health.failed(mailboxKey(mailbox), failure);
    if (!failure.permanent && attempts < this.config.smtp!.maxAttempts) {
      this.logger.warn(
        { replyId: reply.replyId, code: failure.code, attempts },
        'reply not sent, retrying',
      );
      throw new EmailException('smtp_failed', `${failure.message}, attempt ${attempts}`, true, {
        cause: error,
      });
    }
    this.logger.warn({ replyId: reply.replyId, code: failure.code, attempts }, 'reply given up');
    this.metrics.replies.inc({ channel: 'email', status: 'failed' });
    return {
      status: 'failed',
      error: { code: failure.code, message: failure.message },
      attempt: attempts,
    };
  }
}
