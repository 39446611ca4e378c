import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  ADAPTER_KIT_OPTIONS,
  ChannelHealthReporter,
  replyReceipt,
  SentReplyRepository,
  type AdapterKitOptions,
  type ReplyOutcome,
} from '@app/adapter-kit';
import { Topics, type OutboundReceiptV1, type OutboundReplyV1 } from '@app/contracts';
import { EventPublisher, type BatchOutcome, type ConsumedBatch } from '@app/kafka';
import { GatewayMetrics } from '@app/metrics';
import { nameBasedId } from '@app/platform';
import { XAccountStatus } from '../../account/x-account-status';
import { classifyXError } from '../../client/x-api-error';
import { X_CONFIG, type XConfig } from '../../config/x.config';
import { XException } from '../../x.exception';
import { publicReplyText } from '../public-reply.text';
import { XMessenger } from '../x-messenger';

/** X gives no attempt count and no bounces: a send here is sent or failed. */
type Outcome = Extract<ReplyOutcome, { status: 'sent' | 'failed' }>;

/** 403 problems that are about our app, not about the recipient (who may simply refuse DMs). */
const APP_FORBIDDEN = new Set(['client-forbidden', 'unsupported-authentication']);

/** A second idempotency key for the public reply that goes with `replyId`. */
function publicReplyKey(replyId: string): string {
  return nameBasedId(`${replyId}:public-reply`);
}

/**
 * Sends core's replies on X: the answer itself as a direct message in the customer's language,
 * and, when core answers a public mention, a public reply under it that carries only the reference
 * number and an invitation to continue by DM. Each send happens once (claimed in sent_replies
 * before, marked after) and ends in a receipt. Errors a person must fix end in a failed receipt
 * and `needs-auth`, not in retries; rate limits and outages are retried.
 */
@Injectable()
export class SendReply {
  private readonly logger = new Logger(SendReply.name);
  private blockedUntil = 0;
  /** The last send found X unreachable (network, 5xx); cleared by the next answer from X. */
  private unreachable = false;

  constructor(
    @Inject(X_CONFIG) private readonly config: XConfig,
    @Inject(ADAPTER_KIT_OPTIONS) private readonly kit: AdapterKitOptions,
    private readonly sentReplies: SentReplyRepository,
    private readonly messenger: XMessenger,
    private readonly publisher: EventPublisher,
    private readonly status: XAccountStatus,
    private readonly health: ChannelHealthReporter,
    private readonly metrics: GatewayMetrics,
  ) {}

  /** False while X's rate limit for sending is in force: an outage to wait out, not poison. */
  get sendingAllowed(): boolean {
    return Date.now() >= this.blockedUntil;
  }

  /**
   * False while X does not answer: replies failing then are an outage to wait out, not replies to
   * dead-letter after a few quick retries. The retries go on and the first answer clears it.
   */
  get xAnswering(): boolean {
    return !this.unreachable;
  }

  async execute(batch: ConsumedBatch<typeof Topics.OutboundReplies>): Promise<BatchOutcome> {
    for (const { value: reply } of batch) {
      if (reply.channel !== 'x' || reply.channelAccount !== this.config.userId) continue;
      await this.send(reply);
    }
    return {};
  }

  private async send(reply: OutboundReplyV1): Promise<void> {
    const receipts: OutboundReceiptV1[] = [];
    // Receipts name the account this adapter sends from (execute takes only replies for it).
    const from = { ...reply, channelAccount: this.config.userId };
    const recipient = reply.recipient.xUserId;
    const dm = recipient
      ? await this.once(reply.replyId, () =>
          this.messenger.sendDirectMessage(recipient, reply.text),
        )
      : ({
          status: 'failed',
          error: {
            code: 'recipient_missing',
            message: 'the reply names no X user id to send a DM to',
          },
        } as const);
    receipts.push(replyReceipt(from, dm));
    const tweetId = reply.threading?.inReplyToTweetId;
    if (tweetId) {
      const text = publicReplyText(reply.reference, reply.language);
      const publicKey = publicReplyKey(reply.replyId);
      const answer: Outcome = text
        ? await this.once(publicKey, () => this.messenger.replyInPublic(tweetId, text))
        : {
            status: 'failed',
            error: {
              code: 'reference_invalid',
              message: 'no public reply: the reference is not a reference number',
            },
          };
      // Under its own id: the public post is a message of its own, and its failure must not
      // mark the DM core asked for (already sent) as failed.
      receipts.push(replyReceipt({ ...from, replyId: publicKey }, answer));
    }
    await this.publisher.publish(Topics.OutboundReceipts, receipts);
  }

  /** Sends at most once per key; a retriable failure frees the key and is thrown for a retry. */
  private async once(key: string, send: () => Promise<string | null>): Promise<Outcome> {
    const claim = await this.sentReplies.claim(key, this.kit.instanceId);
    if (claim.state === 'sent')
      return { status: 'sent', providerMessageId: claim.providerMessageId };
    if (claim.state === 'in_progress') {
      throw new XException('reply_in_progress', 'another instance is sending this reply', true);
    }
    if (!this.sendingAllowed) {
      await this.sentReplies.release(key);
      throw new XException('x_rate_limited', 'X rate limit for sending in force', true);
    }
    let providerMessageId: string | null;
    try {
      providerMessageId = await send();
      this.unreachable = false;
    } catch (error) {
      await this.sentReplies.release(key);
      return this.failed(error);
    }
    // X has it: a failure from here on (PostgreSQL) must not free the key, or the retry would
    // send the customer the same message again. It propagates as retriable; the retry finds the
    // claim in progress and waits until it is marked or goes stale.
    await this.sentReplies.markSent(key, providerMessageId);
    this.metrics.replies.inc({ channel: 'x', status: 'sent' });
    this.health.sent(this.config.userId);
    this.status.clear('replies');
    return { status: 'sent', providerMessageId };
  }

  private failed(error: unknown): Outcome {
    const failure = classifyXError(error);
    this.unreachable = failure.kind === 'transient';
    const report = { code: failure.code, message: failure.message };
    if (failure.kind === 'rate-limited' || failure.kind === 'usage-capped') {
      this.blockedUntil = failure.resetAt!.getTime();
      this.status.set('replies', { state: 'degraded', detail: failure.kind }, report);
      throw new XException(failure.code, failure.message, true, { cause: error });
    }
    if (failure.kind === 'transient') {
      this.status.set('replies', { state: 'degraded', detail: 'x-unreachable' }, report);
      throw new XException(failure.code, failure.message, true, { cause: error });
    }
    const appRefused =
      failure.status === 401 ||
      (failure.status === 403 && APP_FORBIDDEN.has(failure.problem ?? ''));
    if (appRefused) {
      this.logger.error(
        { code: failure.code, problem: failure.problem },
        'X refused our credentials for sending',
      );
      this.status.set(
        'replies',
        { state: 'needs-auth', detail: failure.status === 401 ? 'unauthorized' : 'forbidden' },
        report,
      );
    } else {
      this.logger.warn({ code: failure.code, status: failure.status }, 'X refused a reply');
    }
    this.metrics.replies.inc({ channel: 'x', status: 'failed' });
    return { status: 'failed', error: report };
  }
}
