import { BLOB_STORE, type BlobStore } from '@app/blob-store';
import type { ChannelHealthV1, InboundMessageV1, OutboundReceiptV1 } from '@app/contracts';
import { Partitioners } from 'kafkajs';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { eventually, readTopic } from '../support/kafka-helpers';
import { TestEnvironment } from '../support/test-environment';
import { FakeGraphServer } from '../support/whatsapp/fake-graph-server';
import {
  corpusSamples,
  META_PHONE_NUMBER_ID,
  postWebhook,
  PYWA_PHONE_NUMBER_ID,
  signBody,
  startCoreForWhatsApp,
  startTestWhatsApp,
  statusWebhook,
  TEST_VERIFY_TOKEN,
  textWebhook,
  type RunningApp,
} from '../support/whatsapp/whatsapp-app';

const SHEENA = {
  whatsappId: '16505551234',
  phone: '+16505551234',
  displayName: 'Sheena Nelson',
};
const META_ACCOUNT = {
  channel: 'whatsapp',
  channelAccount: META_PHONE_NUMBER_ID,
  recipient: '+15550783881',
  threading: {
    conversational: true,
    conversationId: `whatsapp:${META_PHONE_NUMBER_ID}:16505551234`,
  },
};
/** The message of ours the two reaction samples react to, as if we had sent it for a case. */
const REACTED_TO = 'wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=';
/** The reply of ours whose "delivered" status is in the corpus. */
const DELIVERED = 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjVBOTE3MDk5QUVFM0YA';
const OUR_CASE = { caseId: randomUUID(), replyId: randomUUID(), reference: 'KM-2026-000042-7' };
const OUR_DELIVERED = {
  caseId: randomUUID(),
  replyId: randomUUID(),
  reference: 'KM-2026-000043-5',
};

const MEDIA = {
  image: { id: '1003383421387256', bytes: randomBytes(2048), mime: 'image/jpeg' },
  document: {
    id: '622684793477189',
    bytes: Buffer.from('%PDF-1.7\n% receipt\n'),
    mime: 'application/pdf',
  },
  audio: { id: '1234567890987654321', bytes: randomBytes(4096), mime: 'audio/ogg' },
  sticker: { id: '1908647269898587', bytes: randomBytes(512), mime: 'image/webp' },
};
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('WhatsApp Cloud API webhook', () => {
  const env = new TestEnvironment('whatsapp-cloud');
  const graph = new FakeGraphServer();
  let core: RunningApp;
  let wa: RunningApp;

  beforeAll(async () => {
    await graph.start();
    for (const m of Object.values(MEDIA)) graph.addMedia(m.id, m.bytes, m.mime);
    [core, wa] = await Promise.all([
      startCoreForWhatsApp(env),
      startTestWhatsApp(env, { WHATSAPP_GRAPH_URL: graph.graphUrl, WHATSAPP_BODY_LIMIT: '64kb' }),
    ]);
    for (const [wamid, ours] of [
      [REACTED_TO, OUR_CASE],
      [DELIVERED, OUR_DELIVERED],
    ] as const) {
      await env.sql(
        `INSERT INTO whatsapp.sent_messages (provider_message_id, channel_account, reply_id, case_id, reference)
         VALUES ($1, $2, $3, $4, $5)`,
        [wamid, META_PHONE_NUMBER_ID, ours.replyId, ours.caseId, ours.reference],
      );
    }
  }, 90_000);

  afterAll(async () => {
    await wa?.close();
    await core?.close();
    await graph.stop();
    await env.destroy();
  }, 60_000);

  const intake = async () =>
    (await readTopic(env.kafka, env.topic('intake.messages.v1'))).map(
      (m) => JSON.parse(m.value) as InboundMessageV1,
    );
  const receipts = async () =>
    (await readTopic(env.kafka, env.topic('outbound.receipts.v1'))).map(
      (m) => JSON.parse(m.value) as OutboundReceiptV1,
    );

  describe('subscription handshake', () => {
    const handshake = (query: string) => fetch(`${wa.url}/webhooks/whatsapp?${query}`);

    it('answers the challenge to our verify token', async () => {
      const answer = await handshake(
        `hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${TEST_VERIFY_TOKEN}`,
      );
      expect(answer.status).toBe(200);
      expect(await answer.text()).toBe('1158201444');
    });

    it('refuses another token, another mode and a missing token with 403', async () => {
      for (const query of [
        'hub.mode=subscribe&hub.challenge=ch4ll3nge&hub.verify_token=not-our-token',
        `hub.mode=unsubscribe&hub.challenge=ch4ll3nge&hub.verify_token=${TEST_VERIFY_TOKEN}`,
        'hub.mode=subscribe&hub.challenge=ch4ll3nge',
      ]) {
        const answer = await handshake(query);
        expect(answer.status).toBe(403);
        expect(await answer.text()).not.toContain('ch4ll3nge');
      }
    });
  });

  describe('signature', () => {
    const body = () => textWebhook(`wamid.${randomBytes(12).toString('hex')}`, 'İmza denemesi');

    it.each([
      ['missing', null, 'signature_missing'],
      ['malformed', 'sha1=0123', 'signature_malformed'],
      ['not hex', `sha256=${'z'.repeat(64)}`, 'signature_malformed'],
      ['forged', signBody('a different body'), 'signature_invalid'],
      ['made with another secret', 'other-secret', 'signature_invalid'],
    ])('refuses a %s signature with 401 and publishes nothing', async (_what, signature, code) => {
      const raw = body();
      const sig =
        signature === 'other-secret' ? signBody(raw, 'another-app-secret-0123') : signature;
      const answer = await postWebhook(wa.url, raw, sig);
      expect(answer).toMatchObject({ status: 401, body: { code } });
      const wamid = JSON.parse(raw).entry[0].changes[0].value.messages[0].id;
      expect((await intake()).some((m) => m.sourceId === wamid)).toBe(false);
    });

    it('checks the exact bytes: re-serialized JSON of a signed body is refused', async () => {
      const raw = JSON.stringify(JSON.parse(body()), null, 2);
      const answer = await postWebhook(wa.url, raw, signBody(JSON.stringify(JSON.parse(raw))));
      expect(answer.status).toBe(401);
    });

    it('refuses a body over the size limit with 413, before reading it', async () => {
      const huge = textWebhook('wamid.huge', 'x'.repeat(70 * 1024));
      const answer = await postWebhook(wa.url, huge);
      expect(answer).toMatchObject({ status: 413, body: { code: 'payload_too_large' } });
    });
  });

  it('turns every documented sample into the right normalized message or receipt', async () => {
    for (const sample of corpusSamples()) {
      const answer = await postWebhook(wa.url, sample.raw);
      expect({ file: sample.file, status: answer.status }).toEqual({
        file: sample.file,
        status: 200,
      });
    }
    const blobs = wa.app.get<BlobStore>(BLOB_STORE);
    const attachment = async (m: InboundMessageV1, media: { bytes: Buffer; mime: string }) => {
      expect(m.attachments).toEqual([
        expect.objectContaining({ sha256: sha(media.bytes), size: media.bytes.length }),
      ]);
      expect(await blobs.get(m.attachments[0].sha256)).toEqual(media.bytes);
    };

    const published = await eventually(async () => {
      const all = await intake();
      return all.length >= 15 ? all : undefined;
    }, 30_000);
    const one = (text: string) => {
      const found = published.filter((m) => m.text === text);
      expect({ text, count: found.length }).toEqual({ text, count: 1 });
      return found[0];
    };

    // text.json
    expect(one('Does it come in another color?')).toMatchObject({
      ...META_ACCOUNT,
      sourceId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
      sentAt: new Date(1749416383 * 1000).toISOString(),
      sender: SHEENA,
      attachments: [],
      metadata: { whatsappType: 'text', phoneNumberId: META_PHONE_NUMBER_ID },
    });
    // text-message-business-button.json: a question about a catalogue product
    expect(one('Is this still available?')).toMatchObject({
      ...META_ACCOUNT,
      sender: SHEENA,
      metadata: {
        whatsappType: 'text',
        contextMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGA9wcm9kdWN0X2lucXVpcnkA',
        referredCatalogId: '194836987003835',
        referredProductId: 'di9ozbzfi4',
      },
    });
    // text-click-to-whatsapp-ad.json
    expect(one('Can I get more info about this?')).toMatchObject({
      metadata: {
        whatsappType: 'text',
        referralSourceType: 'ad',
        referralSourceId: '120226305854810726',
        referralSourceUrl: 'https://fb.me/3cr4Wqqkv',
        referralHeadline: 'Chat with us',
      },
    });
    // image.json: the caption is the text, the photo is in the blob store
    const image = one('Taj Mahal');
    expect(image).toMatchObject({
      ...META_ACCOUNT,
      metadata: { whatsappType: 'image', mediaId: MEDIA.image.id },
    });
    expect(image.attachments[0].contentType).toBe('image/jpeg');
    await attachment(image, MEDIA.image);
    // document.json
    const document = one('my receipt');
    expect(document.attachments[0]).toMatchObject({
      contentType: 'application/pdf',
      filename: 'receipt.pdf',
    });
    await attachment(document, MEDIA.document);
    // audio-voice.pywa.json and audio-file-forwarded.pywa.json: the other sample number
    const voice = one('[Sesli mesaj]');
    expect(voice).toMatchObject({
      channelAccount: PYWA_PHONE_NUMBER_ID,
      recipient: '+972123456789',
      sender: { whatsappId: '972987654321', phone: '+972987654321', displayName: 'Test Name' },
      metadata: { whatsappType: 'audio', voice: true },
    });
    await attachment(voice, MEDIA.audio);
    const audioFile = one('[Ses dosyası]');
    expect(audioFile).toMatchObject({
      metadata: { whatsappType: 'audio', voice: false, forwarded: true },
    });
    await attachment(audioFile, MEDIA.audio);
    // sticker.json
    const sticker = one('[Çıkartma]');
    expect(sticker).toMatchObject({ metadata: { whatsappType: 'sticker', animated: true } });
    await attachment(sticker, MEDIA.sticker);
    // location.json
    expect(
      one(
        'Konum: Philz Coffee, 101 Forest Ave, Palo Alto, CA 94301 (37.44221496582, -122.16165924072)',
      ),
    ).toMatchObject({
      metadata: {
        whatsappType: 'location',
        latitude: 37.44221496582,
        longitude: -122.16165924072,
        locationUrl: 'https://philzcoffee.com/',
      },
    });
    // contacts.json
    expect(one('Kişi kartı: Barbara J. Johnson (Social Tsunami), +1 (415) 555-0829')).toMatchObject(
      {
        metadata: { whatsappType: 'contacts', contactCount: 1 },
      },
    );
    // interactive-button-reply.json and interactive-list-reply.json
    expect(one('Seçim: Cancel')).toMatchObject({
      metadata: {
        whatsappType: 'interactive',
        interactiveType: 'button_reply',
        interactiveReplyId: 'cancel-button',
      },
    });
    expect(one('Seçim: Priority Mail Express (Next Day to 2 Days)')).toMatchObject({
      metadata: { interactiveType: 'list_reply', interactiveReplyId: 'priority_express' },
    });
    // reaction.json and reaction-removed.json (as published, with its trailing comma): on our reply
    expect(
      one(`Tepki: 👍 (${OUR_CASE.reference} numaralı başvurunuz için gönderdiğimiz mesaja)`),
    ).toMatchObject({
      sender: SHEENA,
      metadata: {
        whatsappType: 'reaction',
        reactionEmoji: '👍',
        reactionToReply: OUR_CASE.replyId,
      },
    });
    expect(
      one(
        `Tepki geri alındı (${OUR_CASE.reference} numaralı başvurunuz için gönderdiğimiz mesajdan)`,
      ),
    ).toMatchObject({ metadata: { whatsappType: 'reaction', reactionRemoved: true } });
    // unsupported.json: recorded with a note, never dropped
    expect(one('[Desteklenmeyen mesaj türü: edit]')).toMatchObject({
      metadata: {
        whatsappType: 'unsupported',
        unsupportedType: 'edit',
        errorCode: '131051',
        note: expect.any(String),
      },
    });
    expect(published.filter((m) => m.channel === 'whatsapp')).toHaveLength(15);

    // The four status samples: receipts, matched to our reply where the wamid is ours. (Core may
    // also be acknowledging the cases above meanwhile: those receipts are not the samples'.)
    const statusIds = new Set(
      corpusSamples().flatMap((sample) =>
        sample.file.startsWith('status-')
          ? [JSON.parse(sample.raw).entry[0].changes[0].value.statuses[0].id as string]
          : [],
      ),
    );
    const got = await eventually(async () => {
      const all = (await receipts()).filter((r) => statusIds.has(r.providerMessageId ?? ''));
      return all.length >= 4 ? all : undefined;
    });
    expect(got).toHaveLength(4);
    expect(got).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          status: 'delivered',
          providerMessageId: DELIVERED,
          replyId: OUR_DELIVERED.replyId,
          caseId: OUR_DELIVERED.caseId,
          at: new Date(1750263773 * 1000).toISOString(),
        }),
        expect.objectContaining({
          status: 'failed',
          providerMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0QUQ2MjA4NEYyRkExNjMyREUA',
          error: { code: 'meta_131049', message: expect.stringContaining('healthy ecosystem') },
        }),
      ]),
    );
    expect(got.filter((r) => r.status === 'sent')).toHaveLength(2);

    // error-system-level.json: no message, but Meta's rate-limit error shows on the dashboard.
    const beat = await eventually(async () => {
      const beats = (await readTopic(env.kafka, env.topic('channels.health.v1'))).map(
        (m) => JSON.parse(m.value) as ChannelHealthV1,
      );
      return beats.find(
        (b) => b.channelAccount === META_PHONE_NUMBER_ID && b.lastError?.code === 'meta_130429',
      );
    }, 15_000);
    expect(beat).toMatchObject({
      channel: 'whatsapp',
      state: 'up',
      lastError: { message: 'Rate limit hit' },
    });
  }, 90_000);

  it('opens one case when Meta delivers the same message again', async () => {
    const wamid = `wamid.${randomBytes(16).toString('base64')}`;
    const raw = textWebhook(
      wamid,
      'Kadıköy mağazasında aldığım ütü iki günde bozuldu, değişim istiyorum.',
      '905321112233',
    );
    expect((await postWebhook(wa.url, raw)).status).toBe(200);
    expect((await postWebhook(wa.url, raw)).status).toBe(200);
    const rows = await eventually(async () => {
      const r = await env.sql<{ case_id: string; duplicate_count: number }>(
        `SELECT case_id, duplicate_count FROM core.messages WHERE source_id = $1`,
        [wamid],
      );
      return r.length === 1 && r[0].duplicate_count === 1 ? r : undefined;
      // Core's consumer may still be joining its group right after start.
    }, 60_000);
    const cases = await env.sql(`SELECT id FROM core.cases WHERE id = $1`, [rows[0].case_id]);
    expect(cases).toHaveLength(1);
    const withPhone = await env.sql(
      `SELECT c.id FROM core.cases c JOIN core.messages m ON m.case_id = c.id
        WHERE m.envelope->'sender'->>'phone' = '+905321112233'`,
    );
    expect(withPhone).toHaveLength(1);
  }, 90_000);

  it('sends a reply through the messages endpoint and records its statuses as receipts', async () => {
    const reply = {
      schemaVersion: 1,
      replyId: randomUUID(),
      requestedAt: new Date().toISOString(),
      caseId: randomUUID(),
      reference: 'KM-2026-000077-1',
      channel: 'whatsapp',
      channelAccount: META_PHONE_NUMBER_ID,
      kind: 'acknowledgement',
      language: 'tr',
      recipient: { whatsappId: '905321112233', phone: '+905321112233' },
      text: 'Başvurunuz KM-2026-000077-1 numarasıyla kaydedildi.',
    };
    const producer = env.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    // Kafka delivers at least once: the same reply twice must reach the customer once.
    await producer.send({
      topic: env.topic('outbound.replies.v1'),
      messages: [
        { key: reply.caseId, value: JSON.stringify(reply) },
        { key: reply.caseId, value: JSON.stringify(reply) },
      ],
    });
    await producer.disconnect();

    const sent = await eventually(
      () => Promise.resolve(graph.sent.find((s) => s.body.text?.body === reply.text)),
      30_000,
    );
    expect(sent.phoneNumberId).toBe(META_PHONE_NUMBER_ID);
    expect(sent.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '905321112233',
      type: 'text',
      text: { preview_url: false, body: reply.text },
    });
    const sentReceipt = await eventually(async () =>
      (await receipts()).find((r) => r.replyId === reply.replyId && r.status === 'sent'),
    );
    expect(sentReceipt).toMatchObject({
      caseId: reply.caseId,
      channel: 'whatsapp',
      channelAccount: META_PHONE_NUMBER_ID,
      providerMessageId: sent.wamid,
    });

    // Meta reports delivery and reading on the webhook; they reach the reply's case.
    expect(
      (await postWebhook(wa.url, statusWebhook(sent.wamid, 'delivered', '905321112233'))).status,
    ).toBe(200);
    expect(
      (await postWebhook(wa.url, statusWebhook(sent.wamid, 'read', '905321112233'))).status,
    ).toBe(200);
    const later = await eventually(async () => {
      const mine = (await receipts()).filter((r) => r.providerMessageId === sent.wamid);
      return mine.some((r) => r.status === 'read') && mine.some((r) => r.status === 'delivered')
        ? mine
        : undefined;
    });
    for (const r of later)
      expect(r).toMatchObject({ replyId: reply.replyId, caseId: reply.caseId });
    expect(graph.sent.filter((s) => s.body.text.body === reply.text)).toHaveLength(1);
  }, 60_000);
});
