import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { Topics, type OutboundReceiptV1, type OutboundReplyV1 } from '@app/contracts';
import { eventually, produceRaw } from '../support/kafka-helpers';
import { TestEnvironment } from '../support/test-environment';
import { TestDovecot } from '../support/email/dovecot';
import {
  emailReceipts,
  MAILBOX,
  startTestEmail,
  until,
  type RunningEmail,
} from '../support/email/email-app';
import { SmtpSink } from '../support/email/smtp-sink';

describe('e-mail replies: instances without SMTP, and replies that fail for good', () => {
  const env = new TestEnvironment('email_replies');
  const dovecot = new TestDovecot([MAILBOX]);
  const smtp = new SmtpSink();
  // Of this file alone: the default group name is shared by every test file on the broker.
  const group = { EMAIL_REPLY_CONSUMER_GROUP: `email-replies-${env.id}` };
  let readOnly: RunningEmail | undefined;
  let sending: RunningEmail | undefined;

  beforeAll(async () => {
    await Promise.all([dovecot.start(), smtp.start()]);
  }, 60_000);

  afterAll(async () => {
    await sending?.close();
    await readOnly?.close();
    await smtp.stop();
    await dovecot.destroy();
    await env.destroy();
  }, 60_000);

  function reply(overrides: Partial<OutboundReplyV1> = {}): OutboundReplyV1 {
    return {
      schemaVersion: 1,
      replyId: randomUUID(),
      requestedAt: new Date().toISOString(),
      caseId: randomUUID(),
      reference: 'KM-2026-000901-2',
      channel: 'email',
      channelAccount: MAILBOX.user,
      kind: 'acknowledgement',
      language: 'tr',
      recipient: { email: 'mehmet.demir@example.com' },
      text: 'Başvurunuz alındı, en kısa sürede dönüş yapacağız.',
      ...overrides,
    };
  }

  /** Replies in this order on one partition (one case key), as core's outbox would write them. */
  async function produce(...replies: OutboundReplyV1[]): Promise<void> {
    // The topic appears once an app has bootstrapped its topics.
    await eventually(
      () =>
        produceRaw(
          env.kafka,
          env.topic(Topics.OutboundReplies),
          replies.map((r) => ({ key: replies[0].caseId, value: JSON.stringify(r) })),
        ).then(() => true),
      30_000,
      'outbound replies topic',
    );
  }

  async function receiptsOf(replyId: string): Promise<OutboundReceiptV1[]> {
    return (await emailReceipts(env)).filter((r) => r.replyId === replyId);
  }

  /** Produces a later reply on the same partition and waits for it: everything before is done. */
  async function drained(caseId: string): Promise<void> {
    const marker = reply({ caseId });
    await produce(marker);
    await until(
      () => receiptsOf(marker.replyId),
      1,
      () => true,
      30_000,
      'marker receipt',
    );
  }

  const waiting = reply();

  it('without SMTP, consumes no replies and says on /health that replies are disabled', async () => {
    readOnly = await startTestEmail(env, dovecot, undefined, group);
    const health = (await (await fetch(`${readOnly.url}/health`)).json()) as {
      info: Record<string, { status: string; state?: string }>;
    };
    expect(health.info.replies).toMatchObject({ status: 'up', state: 'disabled' });
    await produce(waiting);
    // Time enough for a consumer to join, take the reply and fail it.
    await delay(6_000);
    expect(await receiptsOf(waiting.replyId)).toEqual([]);
  }, 60_000);

  it('leaves those replies to an instance with SMTP, which sends them', async () => {
    sending = await startTestEmail(env, dovecot, smtp, group);
    const [receipt] = await until(
      () => receiptsOf(waiting.replyId),
      1,
      () => true,
      45_000,
      'receipt of the waiting reply',
    );
    expect(receipt.status).toBe('sent');
    await drained(waiting.caseId);
    expect((await receiptsOf(waiting.replyId)).map((r) => r.status)).toEqual(['sent']);
    expect(
      smtp.received.filter((m) => m.parsed.messageId === receipt.providerMessageId),
    ).toHaveLength(1);
  }, 90_000);

  it('reports a reply without an e-mail address failed once, however often it comes again', async () => {
    const r = reply({ recipient: { phone: '+905321234567' } });
    await produce(r);
    await until(
      () => receiptsOf(r.replyId),
      1,
      () => true,
      30_000,
      'failed receipt',
    );
    await produce(r, r);
    await drained(r.caseId);
    const receipts = await receiptsOf(r.replyId);
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toMatchObject({ status: 'failed', error: { code: 'recipient_missing' } });
  }, 60_000);

  it('neither reports again nor sends a reply the SMTP server refused for good', async () => {
    smtp.refuse(1, 550);
    const r = reply({ recipient: { email: 'no.such.user@example.com' } });
    await produce(r);
    const [failed] = await until(
      () => receiptsOf(r.replyId),
      1,
      () => true,
      30_000,
      'failed',
    );
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'smtp_550' } });
    // Redelivered: the server would take it now, but core has been told it failed.
    await produce(r);
    await drained(r.caseId);
    expect(await receiptsOf(r.replyId)).toHaveLength(1);
    expect(smtp.received.filter((m) => m.to.includes('no.such.user@example.com'))).toEqual([]);
  }, 60_000);
});
