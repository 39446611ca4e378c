import { Topics } from '@app/contracts';
import {
  aCall,
  nowSeconds,
  postCall,
  sign,
  startCoreForCalls,
  startTestCallCenter,
  type RunningApp,
} from '../support/call-center/call-center-app';
import { eventually, readTopic, topicSize } from '../support/kafka-helpers';
import { TEST_ADMIN_TOKEN } from '../support/services';
import { TestEnvironment } from '../support/test-environment';

const PREVIOUS_SECRET = 'the-secret-being-rotated-out-0123456789';
const TRACKING_URL = 'https://sikayet.example.com/track';

describe('call-centre webhook', () => {
  const env = new TestEnvironment('call-center-webhook');
  let core: RunningApp;
  let callCenter: RunningApp;

  beforeAll(async () => {
    [core, callCenter] = await Promise.all([
      startCoreForCalls(env),
      startTestCallCenter(env, {
        CALL_CENTER_WEBHOOK_SECRET_PREVIOUS: PREVIOUS_SECRET,
        CALL_CENTER_ACCOUNT: 'genesys-istanbul',
        CALL_CENTER_BODY_LIMIT: '64kb',
        CALL_CENTER_TRACKING_URL: TRACKING_URL,
      }),
    ]);
    // Core's first batch (cold caches, fresh topics) can take longer than the 2 s a call waits;
    // the assertions on the reference are about steady state, so one call goes through first.
    const warmUp = aCall();
    await eventually(
      async () => ((await postCall(callCenter.url, warmUp)).body.reference ? true : undefined),
      60_000,
      'a first call answered with its reference',
    );
  }, 120_000);

  afterAll(async () => {
    await callCenter?.close();
    await core?.close();
    await env.destroy();
  }, 60_000);

  /** Core's row of a message; core may still be on it when a call was answered without a reference. */
  const storedMessage = (column: string, value: string) =>
    eventually(
      async () => {
        const [row] = await env.sql<{ envelope: any; source_id: string; body: string }>(
          `SELECT envelope, source_id, body FROM core.messages WHERE ${column} = $1`,
          [value],
        );
        return row;
      },
      20_000,
      `core's message with ${column} ${value}`,
    );

  const casesOf = (messageId: string) =>
    env.sql<{ reference: string }>(`SELECT reference FROM core.cases WHERE first_message_id = $1`, [
      messageId,
    ]);

  it('answers a signed call with the reference number of the case core opened', async () => {
    const call = aCall({ employee: 'Kasiyer Ali', customer: { name: 'Ayşe', surname: 'Yılmaz' } });
    const answer = await postCall(callCenter.url, call);
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({
      messageId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      reference: expect.stringMatching(/^KM-\d{4}-\d{6}-\d$/),
      trackingUrl: expect.any(String),
      acknowledgement: { language: 'tr', text: expect.any(String) },
    });
    // The acknowledgement the agent reads to the caller: the reference and where to follow it.
    const { reference, trackingUrl, acknowledgement } = answer.body;
    expect(trackingUrl).toBe(`${TRACKING_URL}?reference=${reference}&lang=tr`);
    expect(acknowledgement.text).toBe(
      `Başvurunuz ${reference} referans numarasıyla kaydedildi. Durumunu ${trackingUrl} adresinden bu numarayla takip edebilirsiniz.`,
    );

    const shown = await fetch(`${core.url}/api/v1/cases/${answer.body.reference}`, {
      headers: { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    });
    expect(await shown.json()).toMatchObject({
      reference: answer.body.reference,
      type: 'complaint',
      channel: 'call-center',
    });
    const stored = await storedMessage('id', answer.body.messageId);
    expect(stored.source_id).toBe(call.callId);
    expect(stored.body).toBe(call.notes);
    expect(stored.envelope).toMatchObject({
      channel: 'call-center',
      channelAccount: 'genesys-istanbul',
      sender: { name: 'Ayşe', surname: 'Yılmaz', phone: '+905321234567' },
      recipient: '+908502220000',
      declaredType: 'complaint',
      storeCode: 'IST-KDK-01',
      employee: 'Kasiyer Ali',
      sentAt: call.endedAt,
      metadata: {
        agentId: 'A-1042',
        agentName: 'Zeynep Kaya',
        durationSeconds: 462,
        recordingUrl: call.recordingUrl,
        callerWithheld: false,
      },
    });
  }, 30_000);

  it('gives a redelivered call the same reference and opens one case', async () => {
    const call = aCall();
    const first = await postCall(callCenter.url, call);
    // A redelivery is signed again, later, and may be serialized differently.
    const again = await postCall(callCenter.url, JSON.stringify(call, null, 2), {
      timestamp: nowSeconds(1),
    });
    expect(first.status).toBe(202);
    expect(again).toMatchObject({ status: 202, body: first.body });
    expect(first.body.reference).toBeDefined();

    await eventually(async () => {
      const rows = await env.sql<{ duplicate_count: number }>(
        `SELECT duplicate_count FROM core.messages WHERE source_id = $1`,
        [call.callId],
      );
      return rows.length === 1 && rows[0].duplicate_count === 1 ? rows : undefined;
    });
    expect(await casesOf(first.body.messageId)).toHaveLength(1);
  }, 30_000);

  it('refuses the same call id with different content, and keeps the first', async () => {
    const call = aCall();
    const first = await postCall(callCenter.url, call);
    expect(first.status).toBe(202);
    const changed = await postCall(callCenter.url, { ...call, notes: 'Başka bir konu.' });
    expect(changed).toMatchObject({ status: 409, body: { code: 'call_conflict' } });
    const stored = await storedMessage('source_id', call.callId);
    expect(stored.body).toBe(call.notes);
  }, 30_000);

  it('takes a withheld number when the agent wrote down a contact, and refuses it otherwise', async () => {
    const withheld = aCall({ callerNumber: 'anonymous' });
    const refused = await postCall(callCenter.url, withheld);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      {
        field: 'callerNumber',
        rule: 'withheld_needs_contact',
        message:
          'Arayan numarası gizliyse temsilci müşterinin telefonunu veya e-postasını (customer) yazmalı.',
      },
    ]);

    const taken = await postCall(callCenter.url, {
      ...withheld,
      customer: { name: 'Mehmet', phone: '0533 765 43 21' },
    });
    expect(taken.status).toBe(202);
    const stored = await storedMessage('id', taken.body.messageId);
    expect(stored.envelope.sender).toEqual({ name: 'Mehmet', phone: '+905337654321' });
    expect(stored.envelope.metadata.callerWithheld).toBe(true);
  }, 30_000);

  it("acknowledges in the caller's language", async () => {
    const answer = await postCall(callCenter.url, aCall({ language: 'en' }));
    expect(answer.status).toBe(202);
    const { reference, trackingUrl } = answer.body;
    expect(trackingUrl).toBe(`${TRACKING_URL}?reference=${reference}&lang=en`);
    expect(answer.body.acknowledgement).toEqual({
      language: 'en',
      text: `Your feedback has been recorded under reference ${reference}. You can follow it at ${trackingUrl} with this number.`,
    });
  }, 30_000);

  it('accepts the previous secret during a rotation', async () => {
    const answer = await postCall(callCenter.url, aCall(), { secret: PREVIOUS_SECRET });
    expect(answer.status).toBe(202);
  }, 30_000);

  it('beats its health on channels.health.v1', async () => {
    const beat = await eventually(async () => {
      const beats = (await readTopic(env.kafka, env.topic(Topics.ChannelHealth))).map(
        (m) => JSON.parse(m.value) as Record<string, any>,
      );
      return beats.find((b) => b.channel === 'call-center' && b.state === 'up');
    });
    expect(beat).toMatchObject({ channelAccount: 'genesys-istanbul', detail: 'listening' });
  }, 30_000);

  it('describes itself in OpenAPI at /docs-json, with Swagger UI at /docs', async () => {
    const document = (await (await fetch(`${callCenter.url}/docs-json`)).json()) as any;
    const operation = document.paths['/api/v1/call-center/events'].post;
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['X-Timestamp', 'X-Signature']),
    );
    const schema = operation.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(['callId', 'calledLine', 'agent', 'startedAt', 'endedAt']);
    expect(Object.keys(operation.responses).sort()).toEqual(
      ['202', '400', '401', '409', '413', '415', '503'].sort(),
    );
    expect(document.info.description).toContain('<X-Timestamp>.<raw body>');
    const ui = await fetch(`${callCenter.url}/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  describe('refused requests', () => {
    let sizeBefore: number;
    beforeAll(async () => {
      sizeBefore = await topicSize(env.kafka, env.topic(Topics.IntakeMessages));
    });
    afterAll(async () => {
      // Nothing refused reaches Kafka.
      expect(await topicSize(env.kafka, env.topic(Topics.IntakeMessages))).toBe(sizeBefore);
    });

    it('refuses an unsigned request with 401', async () => {
      const unsigned = await postCall(callCenter.url, aCall(), {
        timestamp: null,
        signature: null,
      });
      expect(unsigned).toMatchObject({
        status: 401,
        body: {
          code: 'signature_missing',
          message: 'X-Timestamp ve X-Signature başlıkları gerekli.',
        },
      });
      const noTimestamp = await postCall(callCenter.url, aCall(), { timestamp: null });
      expect(noTimestamp).toMatchObject({ status: 401, body: { code: 'signature_missing' } });
    });

    it('refuses a forged signature and a body changed after signing', async () => {
      const forged = await postCall(callCenter.url, aCall(), {
        secret: 'somebody-elses-secret-0123456789abcdef',
      });
      expect(forged).toMatchObject({ status: 401, body: { code: 'signature_invalid' } });

      const call = JSON.stringify(aCall());
      const ts = nowSeconds();
      const tampered = await postCall(callCenter.url, call.replace('Kadıköy', 'Bakırköy'), {
        timestamp: ts,
        signature: sign(call, ts),
      });
      expect(tampered).toMatchObject({ status: 401, body: { code: 'signature_invalid' } });

      // The timestamp is part of what is signed: it cannot be refreshed on an old signature.
      const old = nowSeconds(-600);
      const refreshed = await postCall(callCenter.url, call, {
        timestamp: nowSeconds(),
        signature: sign(call, old),
      });
      expect(refreshed).toMatchObject({ status: 401, body: { code: 'signature_invalid' } });
    });

    it.each([
      ['no prefix', 'a'.repeat(64)],
      ['another algorithm', `sha1=${'a'.repeat(40)}`],
      ['not hex', `sha256=${'z'.repeat(64)}`],
      ['too short', 'sha256=abcd'],
    ])('refuses a malformed signature header (%s)', async (_what, signature) => {
      const answer = await postCall(callCenter.url, aCall(), { signature });
      expect(answer).toMatchObject({ status: 401, body: { code: 'signature_invalid' } });
    });

    it.each([
      ['an ISO date', '2026-03-14T09:12:03Z'],
      ['milliseconds', String(Date.now())],
      ['a negative number', '-1'],
    ])('refuses a timestamp that is not Unix seconds (%s)', async (_what, timestamp) => {
      const answer = await postCall(callCenter.url, aCall(), { timestamp });
      expect(answer).toMatchObject({ status: 401, body: { code: 'timestamp_invalid' } });
    });

    it('refuses a replay signed more than 5 minutes ago, and a timestamp from the future', async () => {
      const replay = await postCall(callCenter.url, aCall(), { timestamp: nowSeconds(-301) });
      expect(replay).toMatchObject({ status: 401, body: { code: 'timestamp_out_of_range' } });
      const future = await postCall(callCenter.url, aCall(), { timestamp: nowSeconds(120) });
      expect(future).toMatchObject({ status: 401, body: { code: 'timestamp_out_of_range' } });
    });

    it('checks the signature before reading the JSON', async () => {
      const broken = '{"callId": "CC-1",';
      const unsigned = await postCall(callCenter.url, broken, { signature: 'sha256=00' });
      expect(unsigned.status).toBe(401);
      const signed = await postCall(callCenter.url, broken);
      expect(signed).toMatchObject({ status: 400, body: { code: 'malformed_json' } });
    });

    it('refuses an oversized body with 413, declared or chunked', async () => {
      const huge = JSON.stringify(aCall({ transcript: 'a'.repeat(70_000) }));
      const declared = await postCall(callCenter.url, huge);
      expect(declared).toMatchObject({ status: 413, body: { code: 'payload_too_large' } });

      const ts = nowSeconds();
      const chunks = [huge.slice(0, 30_000), huge.slice(30_000)];
      const chunked = await fetch(`${callCenter.url}/api/v1/call-center/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-timestamp': ts,
          'x-signature': sign(huge, ts),
        },
        body: new ReadableStream({
          start(controller) {
            for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
            controller.close();
          },
        }),
        duplex: 'half',
      });
      expect(chunked.status).toBe(413);
    });

    it('refuses anything but JSON with 415', async () => {
      const answer = await postCall(callCenter.url, 'şikâyet', {
        headers: { 'content-type': 'text/plain' },
      });
      expect(answer).toMatchObject({ status: 415, body: { code: 'unsupported_media_type' } });
    });

    it('names every wrong field, in Turkish by default and in English when asked', async () => {
      const bad = {
        ...aCall(),
        callId: '',
        callerNumber: '0532 12',
        agent: {},
        notes: ' ',
        startedAt: '2026-03-14 09:12',
        recordingUrl: 'http://recordings.example.com/1.mp3',
        customer: { email: 'nope@' },
        type: 'rant',
        colour: 'blue',
      };
      const tr = await postCall(callCenter.url, bad);
      expect(tr.status).toBe(400);
      expect(tr.body.code).toBe('validation_failed');
      const byField = Object.fromEntries(
        tr.body.errors.map((e: { field: string; rule: string }) => [e.field, e.rule]),
      );
      expect(byField).toEqual({
        callId: 'required',
        callerNumber: 'invalid',
        'agent.id': 'required',
        notes: 'notes_or_transcript',
        startedAt: 'invalid',
        recordingUrl: 'invalid',
        'customer.email': 'invalid',
        type: 'invalid_choice',
        colour: 'unknown_field',
      });
      expect(tr.body.message).toBe('Gönderilen bilgilerde hatalar var.');

      const en = await postCall(
        callCenter.url,
        { ...aCall(), endedAt: '2020-01-01T00:00:00Z' },
        { headers: { 'accept-language': 'en-GB,en;q=0.9' } },
      );
      expect(en.status).toBe(400);
      expect(en.body.errors).toEqual([
        {
          field: 'endedAt',
          rule: 'not_after_start',
          message: 'The end time must be after the start time.',
        },
      ]);
    });
  });
});
