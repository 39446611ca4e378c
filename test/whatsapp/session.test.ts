import type { ChannelHealthV1, InboundMessageV1, OutboundReceiptV1 } from '@app/contracts';
import { Partitioners } from 'kafkajs';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, readTopic } from '../support/kafka-helpers';
import { TEST_ADMIN_TOKEN } from '../support/services';
import { TestEnvironment } from '../support/test-environment';
import { FakeSessions, type FakeSession } from '../support/whatsapp/fake-session';
import {
  startCoreForWhatsApp,
  startTestWhatsApp,
  type RunningApp,
} from '../support/whatsapp/whatsapp-app';

const OUR_NUMBER = '+905301234567';
const OUR_CHAT = '905301234567@c.us';
const CUSTOMER = '905551112233@c.us';
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A number linked through WhatsApp Web, with the library's Client replaced by a fake that emits
 * the Client's events and messages built by the library's own Message class.
 */
describe('WhatsApp Web session', () => {
  const env = new TestEnvironment('whatsapp-session');
  const sessions = new FakeSessions();
  let core: RunningApp;
  let wa: RunningApp;
  let session: FakeSession;

  beforeAll(async () => {
    [core, wa] = await Promise.all([
      startCoreForWhatsApp(env),
      startTestWhatsApp(
        env,
        {
          WHATSAPP_PHONE_NUMBER_IDS: '',
          WHATSAPP_SESSION_NUMBERS: OUR_NUMBER,
          WHATSAPP_SESSION_DATA_DIR: mkdtempSync(join(tmpdir(), 'wa-sessions-')),
          WHATSAPP_RECONNECT_MAX_MS: '1000',
        },
        { sessionFactory: sessions.factory },
      ),
    ]);
    session = await eventually(() => Promise.resolve(sessions.latest(OUR_NUMBER)));
  }, 90_000);

  afterAll(async () => {
    await wa?.close();
    await core?.close();
    await env.destroy();
  }, 60_000);

  const beats = async () =>
    (await readTopic(env.kafka, env.topic('channels.health.v1')))
      .map((m) => JSON.parse(m.value) as ChannelHealthV1)
      .filter((b) => b.channelAccount === OUR_NUMBER);
  const beatWith = (match: (b: ChannelHealthV1) => boolean, what: string) =>
    eventually(async () => (await beats()).find(match), 20_000, what);
  const intake = async () =>
    (await readTopic(env.kafka, env.topic('intake.messages.v1'))).map(
      (m) => JSON.parse(m.value) as InboundMessageV1,
    );
  const published = (sourceId: string) =>
    eventually(async () => (await intake()).find((m) => m.sourceId === sourceId), 20_000, sourceId);
  const receipts = async () =>
    (await readTopic(env.kafka, env.topic('outbound.receipts.v1'))).map(
      (m) => JSON.parse(m.value) as OutboundReceiptV1,
    );
  const qrPng = (auth = true) =>
    fetch(`${wa.url}/api/v1/whatsapp/sessions/${encodeURIComponent(OUR_NUMBER)}/qr.png`, {
      headers: auth ? { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` } : {},
    });
  const requestReply = async (text: string) => {
    const reply = {
      schemaVersion: 1,
      replyId: randomUUID(),
      requestedAt: new Date().toISOString(),
      caseId: randomUUID(),
      reference: 'KM-2026-000101-4',
      channel: 'whatsapp',
      channelAccount: OUR_NUMBER,
      kind: 'acknowledgement',
      language: 'tr',
      recipient: { whatsappId: CUSTOMER, phone: '+905551112233' },
      text,
    };
    const producer = env.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({
      topic: env.topic('outbound.replies.v1'),
      messages: [{ key: reply.caseId, value: JSON.stringify(reply) }],
    });
    await producer.disconnect();
    return reply;
  };

  it('beats the QR code for the dashboard and draws it for ops', async () => {
    expect(session.initialized).toBe(true);
    session.emit('qr', '2@lJdX9Rk3Zr1p0a,mZcz6ujx8vE=,E4oQy2dV1h8=,TmVzdGluZw==');
    const beat = await beatWith((b) => b.detail === 'qr-required', 'a qr-required beat');
    expect(beat).toMatchObject({
      channel: 'whatsapp',
      state: 'needs-auth',
      qr: '2@lJdX9Rk3Zr1p0a,mZcz6ujx8vE=,E4oQy2dV1h8=,TmVzdGluZw==',
    });

    expect((await qrPng(false)).status).toBe(401);
    const png = await qrPng();
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer()).subarray(0, 8)).toEqual(PNG_MAGIC);

    const list = await fetch(`${wa.url}/api/v1/whatsapp/sessions`, {
      headers: { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    });
    expect(await list.json()).toEqual([
      { account: OUR_NUMBER, state: 'qr-required', since: expect.any(String), qrPending: true },
    ]);
  });

  it('reports authenticated and ready, after which there is no QR code to draw', async () => {
    session.emit('authenticated');
    session.emit('ready');
    const ready = await beatWith((b) => b.detail === 'ready', 'a ready beat');
    expect(ready.state).toBe('up');
    expect(ready.qr).toBeUndefined();
    const png = await qrPng();
    expect(png.status).toBe(404);
    expect(await png.json()).toMatchObject({ code: 'qr_not_pending' });
  });

  it('makes a case of a text message, with the contact name WhatsApp shows', async () => {
    sessions.setContact(CUSTOMER, 'Zeynep K.');
    const message = session.receive({
      from: CUSTOMER,
      to: OUR_CHAT,
      type: 'chat',
      body: 'Bakırköy şubesinden aldığım buzdolabı soğutmuyor, teknik servis gelmedi.',
    });
    const envelope = await published(message.id._serialized);
    expect(envelope).toMatchObject({
      channel: 'whatsapp',
      channelAccount: OUR_NUMBER,
      recipient: OUR_NUMBER,
      sender: { whatsappId: CUSTOMER, phone: '+905551112233', displayName: 'Zeynep K.' },
      text: 'Bakırköy şubesinden aldığım buzdolabı soğutmuyor, teknik servis gelmedi.',
      sentAt: new Date(message.timestamp * 1000).toISOString(),
      threading: { conversational: true, conversationId: `whatsapp:${OUR_NUMBER}:${CUSTOMER}` },
      metadata: { whatsappType: 'chat' },
    });
    const cases = await eventually(async () => {
      const rows = await env.sql<{ reference: string }>(
        `SELECT c.reference FROM core.cases c JOIN core.messages m ON m.case_id = c.id
          WHERE m.source_id = $1`,
        [message.id._serialized],
      );
      return rows.length > 0 ? rows : undefined;
      // Core's consumer may still be joining its group right after start.
    }, 60_000);
    expect(cases).toHaveLength(1);
  }, 90_000);

  it('normalizes image, voice, document, location and vCard messages, media into the blob store', async () => {
    const photo = randomBytes(3000);
    const voice = randomBytes(1500);
    const pdf = Buffer.from('%PDF-1.4\n% fatura\n');
    const image = session.receive({
      from: CUSTOMER,
      to: OUR_CHAT,
      type: 'image',
      caption: 'Kırık gelen ürün',
      media: { data: photo, mimetype: 'image/jpeg' },
    });
    const ptt = session.receive({
      from: CUSTOMER,
      to: OUR_CHAT,
      type: 'ptt',
      media: { data: voice, mimetype: 'audio/ogg; codecs=opus' },
    });
    const document = session.receive({
      from: CUSTOMER,
      to: OUR_CHAT,
      type: 'document',
      media: { data: pdf, mimetype: 'application/pdf', filename: 'fatura.pdf' },
    });
    const location = session.receive({
      from: CUSTOMER,
      to: OUR_CHAT,
      type: 'location',
      lat: 41.0082,
      lng: 28.9784,
      loc: 'Kadıköy Mağazası\nCaferağa Mah. Moda Cad. No:1',
    });
    const vcard = session.receive({
      from: CUSTOMER,
      to: OUR_CHAT,
      type: 'vcard',
      body: 'BEGIN:VCARD\nVERSION:3.0\nFN:Ali Veli\nORG:Kadıköy Mağazası;\nTEL;type=CELL;waid=905337778899:+90 533 777 88 99\nEND:VCARD',
    });
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

    expect(await published(image.id._serialized)).toMatchObject({
      text: 'Kırık gelen ürün',
      attachments: [{ sha256: sha(photo), size: photo.length, contentType: 'image/jpeg' }],
      metadata: { whatsappType: 'image' },
    });
    expect(await published(ptt.id._serialized)).toMatchObject({
      text: '[Sesli mesaj]',
      attachments: [{ sha256: sha(voice), contentType: 'audio/ogg; codecs=opus' }],
      metadata: { whatsappType: 'ptt', voice: true },
    });
    expect(await published(document.id._serialized)).toMatchObject({
      text: '[Belge: fatura.pdf]',
      attachments: [{ sha256: sha(pdf), filename: 'fatura.pdf', contentType: 'application/pdf' }],
    });
    expect(await published(location.id._serialized)).toMatchObject({
      text: 'Konum: Kadıköy Mağazası, Caferağa Mah. Moda Cad. No:1 (41.0082, 28.9784)',
      metadata: { whatsappType: 'location', latitude: 41.0082, longitude: 28.9784 },
    });
    expect(await published(vcard.id._serialized)).toMatchObject({
      text: 'Kişi kartı: Ali Veli (Kadıköy Mağazası), +90 533 777 88 99',
      metadata: { whatsappType: 'vcard', contactCount: 1 },
    });
  }, 40_000);

  it('ignores group messages and our own messages', async () => {
    const group = session.receive({
      from: '120363025246125486@g.us',
      author: CUSTOMER,
      to: OUR_CHAT,
      type: 'chat',
      body: 'Grupta bir şikâyet',
    });
    const own = session.receive({
      from: CUSTOMER,
      to: OUR_CHAT,
      fromMe: true,
      type: 'chat',
      body: 'Telefondan yazdık',
    });
    // Session messages are handled in order: once this one is out, the two before were decided.
    const after = session.receive({
      from: CUSTOMER,
      to: OUR_CHAT,
      type: 'chat',
      body: 'Bir de kasiyer çok kabaydı.',
    });
    await published(after.id._serialized);
    const ids = (await intake()).map((m) => m.sourceId);
    expect(ids).not.toContain(group.id._serialized);
    expect(ids).not.toContain(own.id._serialized);
  }, 40_000);

  it('sends a reply on the session, with a sent receipt and the acks that follow', async () => {
    const reply = await requestReply('Başvurunuz KM-2026-000101-4 numarasıyla kaydedildi.');
    const sent = await eventually(
      () => Promise.resolve(session.sent.find((s) => s.text === reply.text)),
      30_000,
      'the reply on the session',
    );
    expect(sent.chatId).toBe(CUSTOMER);
    const receipt = await eventually(async () =>
      (await receipts()).find((r) => r.replyId === reply.replyId && r.status === 'sent'),
    );
    expect(receipt).toMatchObject({
      caseId: reply.caseId,
      channelAccount: OUR_NUMBER,
      providerMessageId: sent.id,
    });

    session.emit('message_ack', sent.id, 2);
    session.emit('message_ack', sent.id, 3);
    const acks = await eventually(async () => {
      const mine = (await receipts())
        .filter((r) => r.providerMessageId === sent.id)
        .map((r) => r.status);
      return mine.includes('delivered') && mine.includes('read') ? mine : undefined;
    });
    expect(acks.sort()).toEqual(['delivered', 'read', 'sent']);
  }, 40_000);

  it('reconnects with backoff after a disconnect, and reports the reason', async () => {
    const before = session;
    session.emit('disconnected', 'CONFLICT');
    const down = await beatWith(
      (b) => b.detail === 'disconnected: CONFLICT',
      'a disconnected beat',
    );
    expect(down.state).toBe('down');
    expect(before.destroyed).toBe(true);
    session = await eventually(() => {
      const next = sessions.latest(OUR_NUMBER);
      return Promise.resolve(next !== before && next?.initialized ? next : undefined);
    }, 15_000);
    session.emit('ready');
    await eventually(async () => {
      const all = await beats();
      return all.at(-1)?.detail === 'ready' ? true : undefined;
    });
  }, 40_000);

  it('reports a logout as needs-auth and does not retry it; replies then fail for a person to see', async () => {
    const created = sessions.created.length;
    session.emit('disconnected', 'LOGOUT');
    const loggedOut = await beatWith((b) => b.detail === 'logged-out', 'a logged-out beat');
    expect(loggedOut.state).toBe('needs-auth');

    const reply = await requestReply('Başvurunuz inceleniyor.');
    const failed = await eventually(async () =>
      (await receipts()).find((r) => r.replyId === reply.replyId),
    );
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'session_not_linked' } });
    expect(session.sent.find((s) => s.text === reply.text)).toBeUndefined();
    // No reconnect of its own: only a person (scanning the new QR code, or relinking) brings it back.
    expect(sessions.created.length).toBe(created);

    // whatsapp-web.js shows a fresh QR code after a logout: the dashboard gets it.
    session.emit('qr', '2@newQrAfterLogout');
    await beatWith(
      (b) => b.qr === '2@newQrAfterLogout' && b.state === 'needs-auth',
      'the new QR beat',
    );
  }, 40_000);

  it('reports an authentication failure as needs-auth', async () => {
    session.emit('auth_failure', 'restore failed');
    const beat = await beatWith((b) => b.detail === 'auth-failure', 'an auth-failure beat');
    expect(beat.state).toBe('needs-auth');
  });
});
