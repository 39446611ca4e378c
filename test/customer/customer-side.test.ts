import { parseReference, Topics, type OutboundReceiptV1 } from '@app/contracts';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authHeaders, envelope, startTestCore, type RunningApp } from '../support/apps';
import { decided, publish } from '../support/intake-helpers';
import { eventually, produceRaw } from '../support/kafka-helpers';
import { TestEnvironment } from '../support/test-environment';
import { FilesystemBlobStore } from '@app/blob-store';
import { PurgeExpiredPayloads } from '../../apps/core/src/retention/usecases/purge-expired-payloads.usecase';
import { SlaMonitor } from '../../apps/core/src/sla/sla-monitor';
import { eventOf } from '../support/intake-helpers';
import { ReplyTap } from './reply-tap';

const MAILBOX = 'sikayet@ornekmagaza.com.tr';
const ACK_MAILBOX = 'bildirim@ornekmagaza.com.tr';
const TRACKING_URL = 'http://localhost:3001/track';
const PER_REFERENCE = 6;

describe("the customer's side: acknowledgement, status, tracking, survey, personal data", () => {
  const env = new TestEnvironment('customer_side');
  const tap = new ReplyTap(env);
  let core: RunningApp;
  let blobDir: string;

  beforeAll(async () => {
    blobDir = await mkdtemp(join(tmpdir(), 'core-blobs-'));
    core = await startTestCore(env, {
      CORE_TRACKING_URL: TRACKING_URL,
      CORE_ACK_EMAIL_ACCOUNT: ACK_MAILBOX,
      TRACK_RATE_PER_REFERENCE: String(PER_REFERENCE),
      TRACK_RATE_PER_IP: '1000',
      BLOB_STORE_DIR: blobDir,
      // Its own group: test files on the shared broker must not rebalance each other.
      CORE_CONSUMER_GROUP: `core-${env.id}`,
    });
    await tap.start();
  }, 90_000);

  afterAll(async () => {
    await tap.stop();
    await core?.close();
    if (!process.env.KEEP_DB) await env.destroy();
    await rm(blobDir, { recursive: true, force: true });
  }, 60_000);

  function receipt(overrides: Partial<OutboundReceiptV1>): OutboundReceiptV1 {
    return {
      schemaVersion: 1,
      receiptId: randomUUID(),
      channel: 'email',
      channelAccount: MAILBOX,
      status: 'sent',
      at: new Date().toISOString(),
      ...overrides,
    };
  }

  async function sendReceipts(...receipts: OutboundReceiptV1[]): Promise<void> {
    await produceRaw(
      env.kafka,
      env.topic(Topics.OutboundReceipts),
      receipts.map((r) => ({ key: r.caseId!, value: JSON.stringify(r) })),
    );
  }

  function track(reference: string, verify: string): Promise<Response> {
    return fetch(
      `${core.url}/api/v1/track/${encodeURIComponent(reference)}?verify=${encodeURIComponent(verify)}`,
    );
  }

  async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${core.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  }

  it('acknowledges an e-mail complaint in its thread with a valid reference, and a sent receipt sets acknowledged', async () => {
    const messageId = `<${randomUUID()}@customer.example>`;
    const complaint = envelope({
      channel: 'email',
      channelAccount: MAILBOX,
      sourceId: messageId,
      sender: { email: 'derya.aksoy@example.com', displayName: 'Derya Aksoy' },
      subject: 'İade talebim',
      threading: { references: ['<older@customer.example>'] },
    });
    await publish(env, complaint);
    const { case_id, reference } = await decided(env, complaint.messageId);

    const ack = await tap.reply(case_id!, (r) => r.kind === 'acknowledgement', 'acknowledgement');
    expect(ack).toMatchObject({
      channel: 'email',
      channelAccount: MAILBOX,
      reference,
      language: 'tr',
      recipient: { email: 'derya.aksoy@example.com' },
      threading: { inReplyTo: messageId, references: ['<older@customer.example>', messageId] },
    });
    expect(parseReference(ack.reference).ok).toBe(true);
    expect(ack.subject).toBe(`Re: İade talebim [${reference}]`);
    expect(ack.text).toContain(reference!);
    expect(ack.text).toContain(`${TRACKING_URL}?reference=${reference}`);
    const [before] = await env.sql<{ acknowledged_at: Date | null }>(
      `SELECT acknowledged_at FROM core.cases WHERE id = $1`,
      [case_id],
    );
    expect(before.acknowledged_at).toBeNull();

    const sentAt = new Date();
    await sendReceipts(
      receipt({
        replyId: ack.replyId,
        caseId: case_id!,
        providerMessageId: `<${randomUUID()}@gw>`,
        at: sentAt.toISOString(),
      }),
    );
    const [after] = await eventually(async () => {
      const rows = await env.sql<{
        acknowledged_at: Date | null;
        acknowledged_late: boolean;
        status: string;
      }>(
        `SELECT c.acknowledged_at, c.acknowledged_late, r.status FROM core.cases c
           JOIN core.case_replies r ON r.case_id = c.id AND r.reply_id = $2 WHERE c.id = $1`,
        [case_id, ack.replyId],
      );
      return rows[0]?.acknowledged_at ? rows : undefined;
    });
    expect(after).toMatchObject({ acknowledged_late: false, status: 'sent' });
    expect(after.acknowledged_at!.getTime()).toBe(sentAt.getTime());
  }, 60_000);

  it('acknowledges a WhatsApp complaint on WhatsApp, in the language it was written in', async () => {
    const complaint = envelope({
      channel: 'whatsapp',
      channelAccount: '+908501234567',
      sourceId: `wamid.${randomUUID()}`,
      sender: { whatsappId: '905551112233', phone: '+905551112233', displayName: 'Kerem' },
      text: 'My order 88123 never arrived and the store did not answer my calls.',
    });
    await publish(env, complaint);
    const { case_id, reference } = await decided(env, complaint.messageId);
    const ack = await tap.reply(case_id!, (r) => r.kind === 'acknowledgement', 'acknowledgement');
    expect(ack).toMatchObject({
      channel: 'whatsapp',
      channelAccount: '+908501234567',
      language: 'en',
      recipient: { whatsappId: '905551112233', phone: '+905551112233' },
    });
    expect(ack.threading).toBeUndefined();
    expect(ack.text).toContain(`Your reference number is ${reference}`);
  }, 60_000);

  it('follows a web-form complaint to Closed with the customer agreeing on the tracking API', async () => {
    const complaint = envelope({
      sender: {
        name: 'Ayşe',
        surname: 'Yılmaz',
        phone: '+905321234567',
        email: 'ayse@example.com',
      },
    });
    await publish(env, complaint);
    const { case_id, reference } = await decided(env, complaint.messageId);
    const ref = reference!;

    // The web form's answer carried the reference: acknowledged at once; an e-mail follows.
    const [opened] = await eventually(async () => {
      const rows = await env.sql<{ acknowledged_via: string | null }>(
        `SELECT acknowledged_via FROM core.cases WHERE id = $1`,
        [case_id],
      );
      return rows[0]?.acknowledged_via ? rows : undefined;
    });
    expect(opened.acknowledged_via).toBe('web-form');
    expect(await tap.reply(case_id!, (r) => r.kind === 'acknowledgement')).toMatchObject({
      channel: 'email',
      channelAccount: ACK_MAILBOX,
      recipient: { email: 'ayse@example.com' },
    });

    const move = async (to: string) => {
      const res = await post(`/api/v1/cases/${ref}/status`, { to }, authHeaders());
      expect(res.status).toBe(200);
    };
    await move('in_progress');
    await tap.reply(
      case_id!,
      (r) =>
        r.kind === 'status_update' &&
        r.text.includes('In Progress') === false &&
        r.text.includes('işleme alındı'),
    );
    await move('resolved');
    const survey = await tap.reply(case_id!, (r) => r.kind === 'survey', 'survey');
    expect(survey.text).toContain(`${TRACKING_URL}?reference=${ref}`);

    let view = await track(ref, '4567');
    expect(view.status).toBe(200);
    expect(await view.json()).toMatchObject({
      reference: ref,
      status: 'resolved',
      awaitingAgreement: true,
      surveyOpen: true,
    });

    // "The problem remains": back to In Progress; resolved again, then agreed.
    expect(
      (await post(`/api/v1/track/${ref}/agreement`, { verify: '4567', agree: false })).body,
    ).toMatchObject({ status: 'in_progress', awaitingAgreement: false });
    await move('resolved');
    const answered = await post(`/api/v1/track/${ref}/survey`, {
      verify: 'AYSE@example.com',
      score: 4,
      comment: 'Geç ama çözüldü',
    });
    expect(answered.status).toBe(200);
    expect(answered.body.surveyOpen).toBe(false);
    const agreed = await post(`/api/v1/track/${ref}/agreement`, { verify: '4567', agree: true });
    expect(agreed.status).toBe(200);
    expect(agreed.body).toMatchObject({ status: 'closed', awaitingAgreement: false });
    expect(agreed.body.timeline.map((t: { status: string }) => t.status)).toEqual([
      'created',
      'in_progress',
      'resolved',
      'in_progress',
      'resolved',
      'closed',
    ]);
    const closedNote = await tap.reply(
      case_id!,
      (r) => r.kind === 'status_update' && r.text.includes('kapatıldı'),
    );
    expect(closedNote.channel).toBe('email');
    const [row] = await env.sql<{ score: number; comment: string }>(
      `SELECT score, comment FROM core.case_surveys WHERE case_id = $1`,
      [case_id],
    );
    expect(row).toEqual({ score: 4, comment: 'Geç ama çözüldü' });
    view = await track(ref, '4567');
    const body = JSON.stringify(await view.json());
    for (const personal of ['Ayşe', 'Yılmaz', '+905321234567', 'ayse@example.com', 'iade talebi'])
      expect(body).not.toContain(personal);
  }, 90_000);

  it('answers a wrong number and a wrong second factor the same way, and limits attempts per reference', async () => {
    const complaint = envelope({ sender: { name: 'Can', phone: '+905339876543' } });
    await publish(env, complaint);
    const { reference } = await decided(env, complaint.messageId);
    const ref = reference!;
    const parsed = parseReference(ref);
    if (!parsed.ok) throw new Error('reference must parse');
    const unknown = `KM-${parsed.value.year}-999998-${(() => {
      for (let d = 0; d < 10; d++)
        if (parseReference(`KM-${parsed.value.year}-999998-${d}`).ok) return d;
      return 0;
    })()}`;

    const right = await track(ref, '6543');
    expect(right.status).toBe(200);
    const wrongFactor = await track(ref, '6544');
    const wrongNumber = await track(unknown, '6543');
    const garbage = await track('not-a-reference', '6543');
    expect(wrongFactor.status).toBe(404);
    const expected = await wrongFactor.json();
    expect(expected).toMatchObject({ code: 'track.not_found' });
    expect(wrongNumber.status).toBe(404);
    expect(await wrongNumber.json()).toEqual(expected);
    expect(garbage.status).toBe(404);
    expect(await garbage.json()).toEqual(expected);

    // Two attempts on this reference so far; the limit stops the rest of the window.
    const statuses: number[] = [];
    for (let i = 0; i < PER_REFERENCE; i++) statuses.push((await track(ref, '6543')).status);
    expect(statuses.slice(0, PER_REFERENCE - 2)).toEqual(Array(PER_REFERENCE - 2).fill(200));
    expect(statuses.slice(PER_REFERENCE - 2)).toEqual([429, 429]);
    expect((await track(ref, '6543')).status).toBe(429);
  }, 60_000);

  it('erases a customer: no name, phone, e-mail or message text remains in any table', async () => {
    const personal = {
      name: 'Zeynep',
      surname: 'Karaağaçlı',
      phone: '+905447778899',
      email: 'zeynep.karaagacli@example.org',
      text: 'Beşiktaş mağazasında kasiyer Zeynep hanıma kaba davrandı, fişim 77441',
    };
    const messageId = `<${randomUUID()}@mail.example.org>`;
    const first = envelope({
      channel: 'email',
      channelAccount: MAILBOX,
      sourceId: messageId,
      sender: {
        name: personal.name,
        surname: personal.surname,
        email: personal.email,
        phone: personal.phone,
      },
      subject: `${personal.name} ${personal.surname} şikayeti`,
      text: personal.text,
      consent: { given: true, noticeVersion: 'kvkk-2025-01', givenAt: new Date().toISOString() },
    });
    const second = envelope({
      channel: 'whatsapp',
      channelAccount: '+908501234567',
      sourceId: `wamid.${randomUUID()}`,
      sender: {
        whatsappId: personal.phone.slice(1),
        phone: personal.phone,
        displayName: personal.name,
      },
      text: `${personal.text} - tekrar yazıyorum, ${personal.email}`,
    });
    await publish(env, first);
    const { case_id, customer_id, reference } = await decided(env, first.messageId);
    await tap.reply(case_id!, (r) => r.kind === 'acknowledgement');
    await publish(env, second);
    await decided(env, second.messageId);
    await post(`/api/v1/cases/${reference}/status`, { to: 'in_progress' }, authHeaders());
    await post(`/api/v1/cases/${reference}/status`, { to: 'resolved' }, authHeaders());
    await post(`/api/v1/track/${reference}/agreement`, {
      verify: personal.email,
      agree: true,
      comment: `Teşekkürler, ${personal.name}`,
    });

    const exported = await fetch(`${core.url}/api/v1/customers/${customer_id}/export`, {
      headers: authHeaders(),
    });
    expect(exported.status).toBe(200);
    const data = (await exported.json()) as any;
    expect(data.identities.map((i: { value: string }) => i.value)).toEqual(
      expect.arrayContaining([personal.email, personal.phone]),
    );
    expect(data.messages.map((m: { text: string }) => m.text)).toContain(personal.text);
    expect(data.messages[0].consent).toMatchObject({ given: true, noticeVersion: 'kvkk-2025-01' });
    expect(data.cases[0]).toMatchObject({ reference, status: 'closed' });

    const erased = await post(`/api/v1/customers/${customer_id}/erase`, {}, authHeaders());
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ customerId: customer_id, messages: 2, cases: 1 });

    const needles = [
      personal.name,
      personal.surname,
      personal.phone,
      personal.phone.slice(1),
      personal.email,
      personal.text.slice(0, 30),
    ];
    const columns = await env.sql<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'core' AND data_type IN ('text', 'jsonb', 'json', 'character varying', 'ARRAY')`,
    );
    expect(columns.length).toBeGreaterThan(20);
    const found: string[] = [];
    for (const { table_name, column_name } of columns) {
      const rows = await env.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM core."${table_name}"
          WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) AS x WHERE strpos(lower("${column_name}"::text), lower(x)) > 0)`,
        [needles],
      );
      if (rows[0].n > 0) found.push(`${table_name}.${column_name}`);
    }
    expect(found).toEqual([]);

    // What reports count is still there, and the consent as given.
    const [kept] = await env.sql<{ status: string; message_count: number; consent: any }>(
      `SELECT c.status, c.message_count, m.consent FROM core.cases c
         JOIN core.messages m ON m.id = c.first_message_id WHERE c.id = $1`,
      [case_id],
    );
    expect(kept).toMatchObject({ status: 'closed', message_count: 2, consent: { given: true } });
    expect((await track(reference!, personal.email)).status).toBe(404);
  }, 90_000);
  it('reminds the manager when the resolution target will be missed, and tells the customer the reason and new date', async () => {
    const complaint = envelope({
      channel: 'whatsapp',
      channelAccount: '+908501234567',
      sourceId: `wamid.${randomUUID()}`,
      sender: { whatsappId: '905559990011', phone: '+905559990011' },
    });
    await publish(env, complaint);
    const { case_id, reference } = await decided(env, complaint.messageId);
    const ref = reference!;
    await post(`/api/v1/cases/${ref}/status`, { to: 'in_progress' }, authHeaders());
    const [due] = await env.sql<{ resolution_warn_at: Date }>(
      `SELECT resolution_warn_at FROM core.cases WHERE id = $1`,
      [case_id],
    );
    // The SLA monitor, run at the moment 80% of the resolution time has passed. It skips a case
    // whose row another transaction holds (the acknowledgement may still be writing it), so it
    // is run again until it has handled this case, as its next periodic tick would.
    const monitor = core.app.get(SlaMonitor);
    await eventually(async () => {
      await monitor.tick(new Date(due.resolution_warn_at.getTime() + 60_000));
      const [clock] = await env.sql<{ resolution_warned_at: Date | null }>(
        `SELECT resolution_warned_at FROM core.cases WHERE id = $1`,
        [case_id],
      );
      return clock.resolution_warned_at ?? undefined;
    });
    const reminder = await eventOf(env, case_id!, 'case.resolution_delay');
    expect(reminder.data).toMatchObject({ phase: 'reminder' });
    const history = await eventually(async () => {
      const rows = await env.sql<{ kind: string }>(
        `SELECT kind FROM core.case_history WHERE case_id = $1 AND kind = 'resolution_delay_reminder'`,
        [case_id],
      );
      return rows.length > 0 ? rows : undefined;
    });
    expect(history).toHaveLength(1);

    const newDate = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const reason = 'Yedek parça tedarikçiden bekleniyor';
    const delayed = await post(
      `/api/v1/cases/${ref}/resolution-delay`,
      { reason, newDate },
      authHeaders(),
    );
    expect(delayed.status).toBe(200);
    expect(delayed.body).toMatchObject({ newResolutionDate: newDate, customerNotified: true });
    const notice = await tap.reply(case_id!, (r) => r.kind === 'resolution_delay');
    expect(notice.channel).toBe('whatsapp');
    expect(notice.text).toContain(reason);
    expect(await (await track(ref, '0011')).json()).toMatchObject({
      status: 'in_progress',
      newResolutionDate: newDate,
      delayReason: reason,
    });
    expect(
      (await post(`/api/v1/cases/${ref}/resolution-delay`, { reason, newDate }, {})).status,
    ).toBe(401);
  }, 60_000);

  it('records a survey score answered with a bare digit in the conversation', async () => {
    const complaint = envelope({
      channel: 'whatsapp',
      channelAccount: '+908501234567',
      sourceId: `wamid.${randomUUID()}`,
      sender: { whatsappId: '905551234000', phone: '+905551234000' },
    });
    await publish(env, complaint);
    const { case_id, reference } = await decided(env, complaint.messageId);
    await post(`/api/v1/cases/${reference}/status`, { to: 'in_progress' }, authHeaders());
    await post(`/api/v1/cases/${reference}/status`, { to: 'resolved' }, authHeaders());
    await tap.reply(case_id!, (r) => r.kind === 'survey');
    const answer = envelope({
      channel: 'whatsapp',
      channelAccount: '+908501234567',
      sourceId: `wamid.${randomUUID()}`,
      sender: { whatsappId: '905551234000', phone: '+905551234000' },
      text: '5',
    });
    await publish(env, answer);
    expect(await decided(env, answer.messageId)).toMatchObject({ case_id });
    const [survey] = await eventually(async () => {
      const rows = await env.sql<{ score: number | null; answered_via: string }>(
        `SELECT score, answered_via FROM core.case_surveys WHERE case_id = $1`,
        [case_id],
      );
      return rows[0]?.score ? rows : undefined;
    });
    expect(survey).toEqual({ score: 5, answered_via: 'reply' });
  }, 60_000);

  it('lets an admin edit a template, refusing unknown placeholders, and answers with it', async () => {
    const url = `${core.url}/api/v1/templates/acknowledgement/az`;
    const put = (body: unknown, headers = authHeaders()) =>
      fetch(url, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const initial = await fetch(url, { headers: authHeaders() });
    expect(initial.status).toBe(200);
    expect(await initial.json()).toMatchObject({ language: 'az', updatedBy: 'default' });
    expect((await put({ subject: 'x', body: 'Salam {{name}}' })).status).toBe(422);
    expect((await put({ subject: 'x', body: 'y' }, {})).status).toBe(401);
    const saved = await put({
      subject: 'Müraciət {{reference}}',
      body: 'Nömrəniz {{reference}}. İzləmək: {{trackingLink}}',
    });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ updatedBy: 'admin' });

    const complaint = envelope({
      channel: 'whatsapp',
      channelAccount: '+908501234567',
      sourceId: `wamid.${randomUUID()}`,
      sender: { whatsappId: '994501234567', phone: '+994501234567' },
      language: 'az',
      text: 'Sifarişim gəlmədi, mağaza cavab vermir.',
    });
    await publish(env, complaint);
    const { case_id, reference } = await decided(env, complaint.messageId);
    const ack = await tap.reply(case_id!, (r) => r.kind === 'acknowledgement');
    expect(ack.language).toBe('az');
    expect(ack.text).toBe(`Nömrəniz ${reference}. İzləmək: ${TRACKING_URL}?reference=${reference}`);
  }, 60_000);

  it('purges raw payloads and attachments past the retention period, keeping the case and its text', async () => {
    const blobs = new FilesystemBlobStore(blobDir, 1024 * 1024);
    const attachment = await blobs.put(Buffer.from(`fiş ${randomUUID()}`));
    const raw = await blobs.put(Buffer.from(`From: a@b.c\r\n\r\n${randomUUID()}`));
    const old = envelope({
      channel: 'email',
      channelAccount: MAILBOX,
      sourceId: `<${randomUUID()}@old.example>`,
      sender: { email: 'eski.musteri@example.com' },
      receivedAt: new Date(Date.now() - 400 * 86_400_000).toISOString(),
      attachments: [
        { sha256: attachment.sha256, contentType: 'image/jpeg', size: attachment.size },
      ],
      metadata: { rawSha256: raw.sha256 },
    });
    await publish(env, old);
    const { id } = await decided(env, old.messageId);
    expect(await blobs.has(attachment.sha256)).toBe(true);

    const done = await core.app.get(PurgeExpiredPayloads).execute();
    expect(done.messages).toBeGreaterThanOrEqual(1);
    expect(await blobs.has(attachment.sha256)).toBe(false);
    expect(await blobs.has(raw.sha256)).toBe(false);
    const [row] = await env.sql<{ envelope: any; body: string; payload_purged_at: Date | null }>(
      `SELECT envelope, body, payload_purged_at FROM core.messages WHERE id = $1`,
      [id],
    );
    expect(row.payload_purged_at).not.toBeNull();
    expect(row.envelope.attachments).toEqual([]);
    expect(row.envelope.metadata.rawSha256).toBeUndefined();
    expect(row.body).toBe(old.text);
  }, 60_000);
});
