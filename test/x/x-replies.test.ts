import {
  Topics,
  outboundReplyKey,
  type OutboundReceiptV1,
  type OutboundReplyV1,
} from '@app/contracts';
import { randomUUID } from 'node:crypto';
import { startTestCore, type RunningApp } from '../support/apps';
import { decided } from '../support/intake-helpers';
import { eventually, produceRaw } from '../support/kafka-helpers';
import { TestEnvironment } from '../support/test-environment';
import { FakeXServer } from '../support/x/fake-x-server';
import { TopicTap } from '../support/x/topic-tap';
import {
  beat,
  intakeUntil,
  receiptsOf,
  startTestX,
  until,
  type RunningX,
} from '../support/x/x-app';

const ACCOUNT = '2244994945';

describe('X adapter: replies from core', () => {
  const env = new TestEnvironment('x_replies');
  let fake: FakeXServer;
  let core: RunningApp;
  let x: RunningX;
  let tap: TopicTap;

  beforeAll(async () => {
    fake = await FakeXServer.start(ACCOUNT);
    core = await startTestCore(env);
    x = await startTestX(env, fake.url, { X_USER_ID: ACCOUNT });
    tap = await TopicTap.start(env, [
      Topics.IntakeMessages,
      Topics.OutboundReplies,
      Topics.OutboundReceipts,
      Topics.ChannelHealth,
    ]);
  }, 90_000);

  afterAll(async () => {
    await x?.close();
    await core?.close();
    await fake?.close();
    await tap?.stop();
    await env.destroy();
  }, 60_000);

  async function sendReply(reply: OutboundReplyV1): Promise<void> {
    await produceRaw(env.kafka, env.topic(Topics.OutboundReplies), [
      { key: outboundReplyKey(reply), value: JSON.stringify(reply) },
    ]);
  }

  function reply(overrides: Partial<OutboundReplyV1>): OutboundReplyV1 {
    return {
      schemaVersion: 1,
      replyId: randomUUID(),
      requestedAt: new Date().toISOString(),
      caseId: randomUUID(),
      reference: 'KM-2026-000001-0',
      channel: 'x',
      channelAccount: ACCOUNT,
      kind: 'acknowledgement',
      language: 'tr',
      recipient: { xUserId: '1' },
      text: 'Başvurunuz alındı.',
      ...overrides,
    };
  }

  it("acknowledges a polled mention: core's answer by DM, and in public only the reference and an invitation to DM", async () => {
    const customer = fake.user('ayse_kaya_1988', 'Ayşe Kaya');
    const complaint =
      'Kadıköy şubesinde 558812 numaralı siparişimin iadesi reddedildi, telefonum 0532 123 45 67';
    const mention = fake.data.addMention(customer, `@XDevelopers ${complaint}`);

    // The mention reaches core through Kafka and becomes a case with a reference number.
    const [message] = await intakeUntil(tap, 1, (m) => m.sourceId === `tweet:${mention.id}`);
    const { case_id: caseId, reference } = await decided(env, message.messageId, 30_000);
    expect(reference).toMatch(/^[A-Z]{2,8}-\d{4}-\d{6}-\d$/);

    // Core asks for its acknowledgement on X; the adapter sends it by DM and answers in public.
    const acknowledgement = await eventually(() =>
      Promise.resolve(
        tap
          .values<OutboundReplyV1>(Topics.OutboundReplies)
          .find((r) => r.caseId === caseId && r.kind === 'acknowledgement'),
      ),
    );
    expect(acknowledgement).toMatchObject({
      channel: 'x',
      recipient: { xUserId: customer.id },
      threading: { inReplyToTweetId: mention.id },
    });
    await until(
      () => fake.sentDms.length === 1 && fake.posts.length === 1,
      'the DM and the public reply',
    );
    expect(fake.sentDms[0]).toMatchObject({
      participantId: customer.id,
      text: acknowledgement.text,
      token: 'token-a',
    });
    const post = fake.posts[0];
    expect(post.inReplyTo).toBe(mention.id);
    expect(post.text).toContain(reference);
    expect(post.text).toMatch(/DM/);
    // Nothing in public names the customer or repeats a word of the complaint or of the DM.
    for (const personal of [
      'Ayşe',
      'Kaya',
      customer.username,
      '558812',
      'Kadıköy',
      '0532',
      'iade',
    ]) {
      expect(post.text).not.toContain(personal);
    }
    expect(post.text.replace(reference!, '')).not.toMatch(/\d{3,}|https?:/);
    expect(acknowledgement.text).not.toEqual(expect.stringContaining(post.text));

    // Both sends end in `sent` receipts; core records the DM on the case with X's event id.
    const dmEventId = fake.sentDms[0].eventId;
    const receipts = await eventually(() => {
      const found = receiptsOf(tap, acknowledgement.replyId);
      return Promise.resolve(found.length > 0 ? found : undefined);
    });
    expect(receipts).toEqual([
      expect.objectContaining({ status: 'sent', caseId, providerMessageId: dmEventId }),
    ]);
    const publicReceipt = await eventually(() =>
      Promise.resolve(
        tap
          .values<OutboundReceiptV1>(Topics.OutboundReceipts)
          .find((r) => r.providerMessageId === post.id),
      ),
    );
    expect(publicReceipt).toMatchObject({ status: 'sent', caseId });
    expect(publicReceipt.replyId).not.toBe(acknowledgement.replyId);
    const [row] = await eventually(async () => {
      const rows = await env.sql<{ status: string; provider_message_id: string }>(
        `SELECT status, provider_message_id FROM core.case_replies WHERE reply_id = $1`,
        [acknowledgement.replyId],
      );
      return rows[0]?.status === 'sent' ? rows : undefined;
    });
    expect(row).toEqual({ status: 'sent', provider_message_id: dmEventId });

    // Delivered again (Kafka delivers at least once): sent once, receipted again.
    await sendReply(acknowledgement);
    await until(() => receiptsOf(tap, acknowledgement.replyId).length === 2, 'the second receipt');
    expect(receiptsOf(tap, acknowledgement.replyId)[1]).toMatchObject({
      status: 'sent',
      providerMessageId: dmEventId,
    });
    expect(fake.sentDms).toHaveLength(1);
    expect(fake.posts).toHaveLength(1);
  }, 60_000);

  it('reports a DM the recipient refuses as failed, and a refused token as needs-auth, without retrying', async () => {
    const refused = reply({ recipient: { xUserId: '9000000001' } });
    fake.script('send_dm', {
      status: 403,
      body: {
        detail: 'You are not permitted to send a message to this user',
        title: 'Forbidden',
        type: 'about:blank',
        status: 403,
      },
    });
    await sendReply(refused);
    const [failed] = await eventually(() => {
      const found = receiptsOf(tap, refused.replyId);
      return Promise.resolve(found.length ? found : undefined);
    });
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'x_forbidden' } });

    const unauthorized = reply({ recipient: { xUserId: '9000000002' } });
    fake.script('send_dm', {
      status: 401,
      body: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' },
    });
    const callsBefore = fake.callsTo('send_dm').length;
    await sendReply(unauthorized);
    const needsAuth = await beat(
      tap,
      (b) => b.channelAccount === ACCOUNT && b.state === 'needs-auth',
    );
    expect(needsAuth.detail).toBe('unauthorized');
    const [receipt] = await eventually(() => {
      const found = receiptsOf(tap, unauthorized.replyId);
      return Promise.resolve(found.length ? found : undefined);
    });
    expect(receipt).toMatchObject({ status: 'failed', error: { code: 'x_unauthorized' } });
    expect(fake.callsTo('send_dm').length).toBe(callsBefore + 1);
  }, 40_000);
});
