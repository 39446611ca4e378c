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
import { AccountRegistry } from '../../accounts/account-registry';
import { GraphApiClient, GraphApiException } from '../../cloud/graph/graph-api.client';
import { receiptError } from '../../cloud/graph/meta-errors';
import type { WhatsAppAccount } from '../../config/whatsapp-accounts';
import { SessionManager } from '../../session/session-manager';
import { WhatsAppException } from '../../whatsapp.exception';
import { cloudRecipient, sessionChatId } from '../reply-recipient';
import { SentMessageRepository } from '../sent-message.repository';

/** A send here is sent or failed; delivery, reading and later failures come as statuses. */
type Outcome = Extract<ReplyOutcome, { status: 'sent' | 'failed' }>;

/**
 * Sends core's replies to WhatsApp customers from the number they wrote to: through the Cloud API
 * messages endpoint, or on the number's WhatsApp Web session. Each reply is sent at most once
 * (claimed in sent_replies before, marked after), its WhatsApp message id is kept so later
 * statuses reach the case, and it ends in a receipt. Refusals that retrying cannot change end in
 * a `failed` receipt; outages are thrown as retriable so the consumer tries again.
 */
@Injectable()
export class SendWhatsAppReply {
  private readonly logger = new Logger(SendWhatsAppReply.name);

  constructor(
    @Inject(ADAPTER_KIT_OPTIONS) private readonly kit: AdapterKitOptions,
    private readonly accounts: AccountRegistry,
    private readonly graph: GraphApiClient,
    private readonly sessions: SessionManager,
    private readonly sentReplies: SentReplyRepository,
    private readonly sentMessages: SentMessageRepository,
    private readonly publisher: EventPublisher,
    private readonly health: ChannelHealthReporter,
    private readonly metrics: GatewayMetrics,
  ) {}

  async execute(batch: ConsumedBatch<typeof Topics.OutboundReplies>): Promise<BatchOutcome> {
    for (const { value: reply } of batch) {
      if (reply.channel !== 'whatsapp') continue;
      const account = this.accounts.find(reply.channelAccount);
      // Another deployment's number: its own adapter answers.
      if (!account) continue;
      const outcome = await this.once(account, reply);
      // Named by the account's own id: the reply may write the number differently (no `+`).
      const receipt = replyReceipt({ ...reply, channelAccount: account.id }, outcome);
      await this.publisher.publish(Topics.OutboundReceipts, receipt);
    }
    return {};
  }

  private async once(account: WhatsAppAccount, reply: OutboundReplyV1): Promise<Outcome> {
    const claim = await this.sentReplies.claim(reply.replyId, this.kit.instanceId);
    if (claim.state === 'sent')
      return { status: 'sent', providerMessageId: claim.providerMessageId };
    if (claim.state === 'in_progress') {
      throw new WhatsAppException(
        'reply_in_progress',
        'another instance is sending this reply',
        true,
      );
    }
    try {
      const providerMessageId = await this.send(account, reply);
      await this.sentMessages.record({
        providerMessageId,
        channelAccount: account.id,
        replyId: reply.replyId,
        caseId: reply.caseId,
        reference: reply.reference,
      });
      await this.sentReplies.markSent(reply.replyId, providerMessageId);
      this.metrics.replies.inc({ channel: 'whatsapp', status: 'sent' });
      this.health.sent(account.id);
      if (this.health.current(account.id)?.state === 'needs-auth' && account.mode === 'cloud') {
        this.health.update(account.id, { state: 'up', detail: 'listening' });
      }
      return { status: 'sent', providerMessageId };
    } catch (error) {
      await this.sentReplies.release(reply.replyId);
      return this.failed(account, error);
    }
  }

  private async send(account: WhatsAppAccount, reply: OutboundReplyV1): Promise<string> {
    if (account.mode === 'cloud') {
      const to = cloudRecipient(reply);
      if (!to)
        throw new WhatsAppException('recipient_missing', 'the reply names no WhatsApp id or phone');
      return this.graph.sendText(account, to, reply.text);
    }
    const chatId = sessionChatId(reply);
    if (!chatId)
      throw new WhatsAppException('recipient_missing', 'the reply names no WhatsApp id or phone');
    const supervisor = this.sessions.get(account.id);
    if (!supervisor) throw new WhatsAppException('account_unknown', 'no session for this number');
    return supervisor.sendText(chatId, reply.text);
  }

  /** A failure to wait out is thrown (retried); one a retry cannot fix becomes a failed receipt. */
  private failed(account: WhatsAppAccount, error: unknown): Outcome {
    if (error instanceof GraphApiException && error.authProblem) {
      // A revoked or expired token: a person must fix the configuration, retries cannot.
      this.health.failed(account.id, {
        code: 'graph_token_rejected',
        message: 'the Graph API refused the access token',
      });
      this.health.update(account.id, { state: 'needs-auth', detail: 'token-rejected' });
      this.metrics.replies.inc({ channel: 'whatsapp', status: 'failed' });
      return {
        status: 'failed',
        error: {
          code: 'graph_token_rejected',
          message: 'The Graph API refused the access token of this number.',
        },
      };
    }
    if (error instanceof WhatsAppException && error.retriable) {
      this.health.failed(account.id, {
        code: error.code,
        message: 'a reply could not be sent yet',
      });
      this.logger.warn({ account: account.id, code: error.code }, 'reply not sent, will retry');
      throw error;
    }
    if (!(error instanceof WhatsAppException)) {
      // Unknown trouble (the browser session threw, the network broke): worth another try.
      this.logger.warn(
        { account: account.id, error: (error as Error)?.name },
        'reply not sent, will retry',
      );
      throw new WhatsAppException('send_failed', 'sending the reply failed', true, undefined);
    }
    const report =
      error instanceof GraphApiException
        ? receiptError(error.metaCode, error.metaTitle)
        : { code: error.code, message: error.message };
    this.logger.warn({ account: account.id, code: report.code }, 'WhatsApp refused a reply');
    this.metrics.replies.inc({ channel: 'whatsapp', status: 'failed' });
    return { status: 'failed', error: report };
  }
}
