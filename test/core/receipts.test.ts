import { Topics, type OutboundReceiptV1 } from '@app/contracts';
import { randomUUID } from 'node:crypto';
import { envelope, startTestCore, type RunningApp } from '../support/apps';
import { decided, publish } from '../support/intake-helpers';
import { eventually, produceRaw } from '../support/kafka-helpers';
import { TestEnvironment } from '../support/test-environment';

describe('receipts of replies sent to customers', () => {
  const env = new TestEnvironment('receipts');
  let core: RunningApp;

  beforeAll(async () => {
    core = await startTestCore(env);
  }, 90_000);

  afterAll(async () => {
    await core?.close();
    await env.destroy();
  }, 60_000);

  function receipt(overrides: Partial<OutboundReceiptV1>): OutboundReceiptV1 {
    return {
      schemaVersion: 1,
      receiptId: randomUUID(),
      channel: 'email',
      channelAccount: 'sikayet@ornekmagaza.com.tr',
      status: 'sent',
      at: new Date().toISOString(),
      ...overrides,
    };
  }

  it("records delivery on the case, and threads the customer's answer to our e-mail back to it", async () => {
    const complaint = envelope({
      channel: 'email',
      channelAccount: 'sikayet@ornekmagaza.com.tr',
      sourceId: `<${randomUUID()}@customer.example>`,
      sender: { email: 'derya.aksoy@example.com' },
    });
    await publish(env, complaint);
    const { case_id } = await decided(env, complaint.messageId);
    const replyId = randomUUID();
    const ourMessageId = `<${randomUUID()}@gateway.ornekmagaza.com.tr>`;
    const sent = receipt({
      replyId,
      caseId: case_id!,
      status: 'sent',
      providerMessageId: ourMessageId,
    });
    const bounced = receipt({
      replyId,
      caseId: case_id!,
      status: 'undeliverable',
      at: new Date(Date.now() + 1000).toISOString(),
      error: { code: '550', message: 'mailbox unavailable' },
    });
    const lateSent = receipt({
      replyId,
      caseId: case_id!,
      status: 'sent',
      at: new Date(Date.now() + 2000).toISOString(),
    });
    await produceRaw(
      env.kafka,
      env.topic(Topics.OutboundReceipts),
      [sent, bounced, lateSent].map((r) => ({ key: r.caseId!, value: JSON.stringify(r) })),
    );

    const [reply] = await eventually(async () => {
      const rows = await env.sql<{ status: string; provider_message_id: string; error: any }>(
        `SELECT status, provider_message_id, error FROM core.case_replies WHERE reply_id = $1`,
        [replyId],
      );
      return rows[0]?.status === 'undeliverable' ? rows : undefined;
    });
    expect(reply).toMatchObject({ provider_message_id: ourMessageId, error: { code: '550' } });
    // Opening the case asked for its acknowledgement (reply_requested); what follows is what the
    // receipts of our reply said, each once, the late duplicate "sent" changing nothing.
    const history = await env.sql<{ kind: string }>(
      `SELECT kind FROM core.case_history
        WHERE case_id = $1 AND kind NOT IN ('opened', 'reply_requested') ORDER BY id`,
      [case_id],
    );
    expect(history.map((h) => h.kind)).toEqual(['reply_sent', 'contact_undeliverable']);

    const answer = envelope({
      channel: 'email',
      channelAccount: 'sikayet@ornekmagaza.com.tr',
      sourceId: `<${randomUUID()}@another-client.example>`,
      sender: { email: 'derya.aksoy@example.com' },
      text: 'Cevabınız için teşekkürler ama sorun devam ediyor.',
      threading: { inReplyTo: ourMessageId },
    });
    await publish(env, answer);
    expect(await decided(env, answer.messageId)).toMatchObject({
      case_id,
      link_kind: 'email_thread',
    });
  }, 60_000);
});
