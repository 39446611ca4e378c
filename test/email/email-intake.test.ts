import { randomUUID } from 'node:crypto';
import { Topics, type OutboundReplyV1 } from '@app/contracts';
import { startTestCore, type RunningApp } from '../support/apps';
import { decided } from '../support/intake-helpers';
import { eventually, produceRaw } from '../support/kafka-helpers';
import { TestEnvironment } from '../support/test-environment';
import { TestDovecot } from '../support/email/dovecot';
import {
  customerMail,
  emailBeats,
  emailDeadLetters,
  emailIntake,
  emailReceipts,
  MAILBOX,
  startTestEmail,
  until,
  type RunningEmail,
} from '../support/email/email-app';
import { SmtpSink } from '../support/email/smtp-sink';

describe('e-mail channel against Dovecot, an SMTP server, Kafka and core', () => {
  const env = new TestEnvironment('email_intake');
  const dovecot = new TestDovecot([MAILBOX]);
  const smtp = new SmtpSink();
  let core: RunningApp;
  let email: RunningEmail;

  beforeAll(async () => {
    await Promise.all([dovecot.start(), smtp.start()]);
    core = await startTestCore(env);
    email = await startTestEmail(env, dovecot, smtp);
  }, 90_000);

  afterAll(async () => {
    await email?.close();
    await core?.close();
    await smtp.stop();
    await dovecot.destroy();
    await env.destroy();
  }, 60_000);

  async function caseCount(): Promise<number> {
    const [row] = await env.sql<{ n: string }>(`SELECT count(*) AS n FROM core.cases`);
    return Number(row.n);
  }

  async function takenIn(sourceId: string) {
    const [message] = await until(
      () => emailIntake(env),
      1,
      (m) => m.sourceId === sourceId,
      30_000,
      `envelope ${sourceId}`,
    );
    return message;
  }

  function reply(overrides: Partial<OutboundReplyV1>): OutboundReplyV1 {
    return {
      schemaVersion: 1,
      replyId: randomUUID(),
      requestedAt: new Date().toISOString(),
      caseId: randomUUID(),
      reference: 'KM-2026-000001-0',
      channel: 'email',
      channelAccount: MAILBOX.user,
      kind: 'acknowledgement',
      language: 'tr',
      recipient: { email: 'ayse.yilmaz@example.com' },
      text: 'Başvurunuz alındı, en kısa sürede dönüş yapacağız.',
      ...overrides,
    };
  }

  async function sendReply(r: OutboundReplyV1) {
    await produceRaw(env.kafka, env.topic(Topics.OutboundReplies), [
      { key: r.caseId, value: JSON.stringify(r) },
    ]);
  }

  let firstCase: { case_id: string; reference: string };
  const firstMessageId = `<first-${randomUUID()}@customer.example>`;

  it('turns a new mail into a case, decoding its sender and subject', async () => {
    await dovecot.append(MAILBOX, [
      customerMail({
        from: '=?ISO-8859-9?Q?Ay=FEe_Y=FDlmaz?= <Ayse.Yilmaz@Example.com>',
        subject: '=?windows-1254?Q?=DEikayet:_bozuk_=FCr=FCn?=',
        messageId: firstMessageId,
      }),
    ]);
    const message = await takenIn(firstMessageId);
    expect(message).toMatchObject({
      channel: 'email',
      channelAccount: MAILBOX.user,
      recipient: MAILBOX.user,
      sender: { email: 'Ayse.Yilmaz@Example.com', displayName: 'Ayşe Yılmaz' },
      subject: 'Şikayet: bozuk ürün',
    });
    expect(message.text).toContain('Kadıköy şubesinden');
    expect(message.metadata?.rawSha256).toMatch(/^[0-9a-f]{64}$/);
    const stored = await decided(env, message.messageId, 30_000);
    expect(stored.reference).toMatch(/^[A-Z]+-\d{4}-\d{6}-\d$/);
    firstCase = { case_id: stored.case_id!, reference: stored.reference! };
  }, 60_000);

  it("attaches the customer's answer in the same thread to the same case", async () => {
    const answerId = `<answer-${randomUUID()}@customer.example>`;
    await dovecot.append(MAILBOX, [
      customerMail({
        from: 'Ayşe Yılmaz <ayse.yilmaz@example.com>',
        subject: 'Re: Şikayet: bozuk ürün',
        text: 'Bir de şunu ekleyeyim: kutusu da ezikti.\r\n\r\nOn Mon, 1 Jun 2026 at 10:00, Ayşe wrote:\r\n> eski metin',
        messageId: answerId,
        inReplyTo: firstMessageId,
        references: firstMessageId,
      }),
    ]);
    const message = await takenIn(answerId);
    expect(message.threading).toMatchObject({ inReplyTo: firstMessageId });
    // The quoted history is not the customer's new words.
    expect(message.text).not.toContain('eski metin');
    expect(await decided(env, message.messageId, 30_000)).toMatchObject({
      case_id: firstCase.case_id,
      link_kind: 'email_thread',
    });
  }, 60_000);

  let ourMessageId: string;
  let ourReplyId: string;

  it('sends a reply over SMTP in the customer thread with the reference in the subject, once', async () => {
    const r = reply({
      caseId: firstCase.case_id,
      reference: firstCase.reference,
      subject: 'Re: Şikayet: bozuk ürün',
      threading: { inReplyTo: firstMessageId, references: [firstMessageId] },
    });
    ourReplyId = r.replyId;
    await sendReply(r);
    await sendReply(r); // redelivered: the customer still gets one mail
    const [receipt] = await until(
      () => emailReceipts(env),
      1,
      (x) => x.replyId === r.replyId && x.status === 'sent',
      30_000,
      'sent receipt',
    );
    ourMessageId = receipt.providerMessageId!;
    expect(ourMessageId).toMatch(new RegExp(`^<${r.replyId}@ornekmagaza\\.com\\.tr>$`));
    await eventually(() =>
      Promise.resolve(smtp.received.some((m) => m.parsed.messageId === ourMessageId) || undefined),
    );
    const mails = smtp.received.filter((m) => m.parsed.messageId === ourMessageId);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.to).toEqual(['ayse.yilmaz@example.com']);
    expect(mail.parsed.subject).toBe(`Re: Şikayet: bozuk ürün [${firstCase.reference}]`);
    expect(mail.parsed.inReplyTo).toBe(firstMessageId);
    expect(mail.parsed.references).toEqual(firstMessageId);
    expect(mail.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(mail.parsed.replyTo?.value[0].address).toBe(MAILBOX.user);
    expect(mail.parsed.text?.trim()).toBe(r.text);
    // Redelivery answers again with the same Message-ID, never a second mail.
    await until(
      () => emailReceipts(env),
      2,
      (x) => x.replyId === r.replyId && x.providerMessageId === ourMessageId,
    );
    expect(smtp.received.filter((m) => m.parsed.messageId === ourMessageId)).toHaveLength(1);
  }, 60_000);

  it("threads the customer's answer to our reply back to the case", async () => {
    // Core has recorded our reply's Message-ID from the sent receipt.
    await eventually(
      async () => {
        const rows = await env.sql(
          `SELECT 1 FROM core.case_replies WHERE reply_id = $1 AND provider_message_id IS NOT NULL`,
          [ourReplyId],
        );
        return rows.length > 0 ? true : undefined;
      },
      30_000,
      'the sent reply in core',
    );
    const answerId = `<answer2-${randomUUID()}@other-client.example>`;
    await dovecot.append(MAILBOX, [
      customerMail({
        from: 'ayse.yilmaz@example.com',
        subject: `Re: Re: Şikayet: bozuk ürün [${firstCase.reference}]`,
        text: 'Teşekkürler, kargo ile gönderdim.',
        messageId: answerId,
        inReplyTo: ourMessageId,
      }),
    ]);
    const message = await takenIn(answerId);
    expect(await decided(env, message.messageId, 30_000)).toMatchObject({
      case_id: firstCase.case_id,
    });
  }, 60_000);

  it('opens nothing for an auto-reply or a bounce, and marks the bounced contact undeliverable', async () => {
    const casesBefore = await caseCount();
    const autoReplyId = `<ooo-${randomUUID()}@customer.example>`;
    const bounceId = `<bounce-${randomUUID()}@mx.customer.example>`;
    const autoReply = customerMail({
      from: 'Ayşe Yılmaz <ayse.yilmaz@example.com>',
      subject: `Otomatik yanıt: Re: Şikayet [${firstCase.reference}]`,
      text: 'İzindeyim, 15 Haziran’da döneceğim.',
      messageId: autoReplyId,
      inReplyTo: ourMessageId,
      headers: { 'Auto-Submitted': 'auto-replied', 'X-Autoreply': 'yes' },
    });
    const boundary = 'bounce-boundary';
    const bounce = [
      'Return-Path: <>',
      'From: Mail Delivery System <MAILER-DAEMON@mx.customer.example>',
      `To: yanit@ornekmagaza.com.tr`,
      'Subject: Undelivered Mail Returned to Sender',
      `Message-ID: ${bounceId}`,
      `Date: ${new Date().toUTCString()}`,
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'I am sorry to have to inform you that your message could not be delivered.',
      '',
      `--${boundary}`,
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.customer.example',
      '',
      'Final-Recipient: rfc822; ayse.yilmaz@example.com',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 user unknown',
      '',
      `--${boundary}`,
      'Content-Type: text/rfc822-headers',
      '',
      `From: yanit@ornekmagaza.com.tr`,
      'To: ayse.yilmaz@example.com',
      `Message-ID: ${ourMessageId}`,
      `Subject: Re: Şikayet [${firstCase.reference}]`,
      '',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    await dovecot.append(MAILBOX, [autoReply, bounce]);

    const letters = await until(
      () => emailDeadLetters(env),
      2,
      (d) =>
        [autoReplyId, bounceId].includes(
          d.source.kind === 'channel' ? (d.source.sourceId ?? '') : '',
        ),
      30_000,
      'dead letters',
    );
    const byId = new Map(
      letters.map((d) => [d.source.kind === 'channel' ? d.source.sourceId : '', d]),
    );
    expect(byId.get(autoReplyId)?.reason.code).toBe('auto_reply');
    expect(byId.get(bounceId)?.reason.code).toBe('delivery_report');
    const [undeliverable] = await until(
      () => emailReceipts(env),
      1,
      (r) => r.status === 'undeliverable',
      30_000,
      'undeliverable receipt',
    );
    expect(undeliverable).toMatchObject({
      replyId: ourReplyId,
      caseId: firstCase.case_id,
      providerMessageId: ourMessageId,
      error: { code: '5.1.1' },
    });
    await eventually(
      async () => {
        const rows = await env.sql<{ status: string }>(
          `SELECT status FROM core.case_replies WHERE reply_id = $1`,
          [ourReplyId],
        );
        return rows[0]?.status === 'undeliverable' ? true : undefined;
      },
      30_000,
      'the reply undeliverable in core',
    );

    // Neither reached intake, so core opened nothing and answered nothing.
    const intake = await emailIntake(env);
    expect(
      intake.filter((m) => m.sourceId === autoReplyId || m.sourceId === bounceId),
    ).toHaveLength(0);
    expect(await caseCount()).toBe(casesBefore);
    expect(
      smtp.received.filter((m) => m.to.includes('mailer-daemon@mx.customer.example')),
    ).toHaveLength(0);
  }, 60_000);

  it('sends a reply for an account that is not a mailbox with the default SMTP settings', async () => {
    const r = reply({
      channelAccount: 'default',
      reference: 'KM-2026-000777-6',
      subject: undefined,
      language: 'en',
    });
    await sendReply(r);
    const [receipt] = await until(
      () => emailReceipts(env),
      1,
      (x) => x.replyId === r.replyId,
      30_000,
      'receipt',
    );
    expect(receipt.status).toBe('sent');
    const mail = await eventually(() =>
      Promise.resolve(smtp.received.find((m) => m.parsed.messageId === receipt.providerMessageId)),
    );
    expect(mail.parsed.subject).toBe('About your feedback [KM-2026-000777-6]');
    expect(mail.parsed.replyTo).toBeUndefined();
    expect(mail.parsed.from?.value[0].address).toBe('yanit@ornekmagaza.com.tr');
  }, 60_000);

  it('retries a refused reply with backoff, then reports it failed', async () => {
    smtp.refuse(10, 451);
    const r = reply({ reference: 'KM-2026-000778-4' });
    await sendReply(r);
    const [receipt] = await until(
      () => emailReceipts(env),
      1,
      (x) => x.replyId === r.replyId,
      45_000,
      'failed receipt',
    );
    smtp.refuse(0, 451);
    expect(receipt).toMatchObject({ status: 'failed', attempt: 3, error: { code: 'smtp_451' } });
  }, 60_000);

  it('beats its health per mailbox: connected, then idle with the mail taken in', async () => {
    const beats = await until(
      () => emailBeats(env),
      1,
      (b) => b.channelAccount === MAILBOX.user && b.detail === 'idle' && b.counters.received >= 4,
      30_000,
      'idle beat',
    );
    expect(beats[0]).toMatchObject({ state: 'up' });
    const details = new Set((await emailBeats(env)).map((b) => b.detail));
    expect(details).toContain('connected');
  }, 60_000);
});
