import { formatReference, Topics } from '@app/contracts';
import { authHeaders, startTestCore, startTestWebForm, type RunningApp } from '../support/apps';
import { eventually, topicSize } from '../support/kafka-helpers';
import { TEST_METRICS_TOKEN } from '../support/services';
import { TestEnvironment } from '../support/test-environment';

const submission = {
  name: 'Ayşe',
  surname: 'Yılmaz',
  phone: '0532 123 45 67',
  email: 'ayse.yilmaz@example.com',
  storeCode: 'IST-KDK-01',
  type: 'complaint',
  message: 'Kadıköy şubesinde iade talebim fişim olmasına rağmen reddedildi.',
  consent: true,
};

async function post(app: RunningApp, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.url}/api/v1/web-form`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

describe('web form to case, end to end', () => {
  const env = new TestEnvironment('e2e-web-form');
  let core: RunningApp;
  let webForm: RunningApp;

  beforeAll(async () => {
    [core, webForm] = await Promise.all([startTestCore(env), startTestWebForm(env)]);
  }, 90_000);

  afterAll(async () => {
    await webForm?.close();
    await core?.close();
    await env.destroy();
  }, 60_000);

  it('answers a submission with a reference number that the case API shows', async () => {
    const accepted = await post(webForm, submission);
    expect(accepted.status).toBe(202);
    expect(accepted.body.messageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(accepted.body.reference).toMatch(/^KM-\d{4}-\d{6}-\d$/);

    const found = await fetch(`${core.url}/api/v1/cases/${accepted.body.reference}`, {
      headers: authHeaders(),
    });
    expect(found.status).toBe(200);
    const shown = (await found.json()) as Record<string, string>;
    expect(shown).toMatchObject({
      reference: accepted.body.reference,
      status: 'created',
      type: 'complaint',
      channel: 'web-form',
      receivedAt: expect.any(String),
      openedAt: expect.any(String),
    });
    expect(Date.now() - Date.parse(shown.receivedAt)).toBeLessThan(60_000);
    // The stored message is normalized: E.164 phone, the consent as given.
    const [message] = await env.sql<{ sender: any; envelope: any }>(
      `SELECT sender, envelope FROM core.messages WHERE id = $1`,
      [accepted.body.messageId],
    );
    expect(message.sender.phone).toBe('+905321234567');
    expect(message.envelope.consent).toMatchObject({ given: true });
    expect(message.envelope.storeCode).toBe('IST-KDK-01');
  }, 30_000);

  it('counts what it took in on /metrics, behind its own token', async () => {
    expect((await fetch(`${core.url}/metrics`)).status).toBe(401);
    const scraped = await fetch(`${core.url}/metrics`, {
      headers: { Authorization: `Bearer ${TEST_METRICS_TOKEN}` },
    });
    expect(scraped.status).toBe(200);
    const text = await scraped.text();
    expect(text).toMatch(
      /gateway_messages_received_total\{channel="web-form",account="default"\} [1-9]/,
    );
    expect(text).toContain('gateway_processing_seconds_bucket{le="0.005",stage="intake_batch"}');
  });

  it('keeps the case API closed without a token, and tells 400 from 404', async () => {
    const year = new Date().getFullYear();
    const missing = formatReference('KM', year, 999_999);
    expect((await fetch(`${core.url}/api/v1/cases/${missing}`)).status).toBe(401);
    expect(
      (
        await fetch(`${core.url}/api/v1/cases/${missing}`, {
          headers: { Authorization: 'Bearer wrong' },
        })
      ).status,
    ).toBe(401);
    expect(
      (await fetch(`${core.url}/api/v1/cases/${missing}`, { headers: authHeaders() })).status,
    ).toBe(404);
    const wrongDigit = missing.slice(0, -1) + ((Number(missing.slice(-1)) + 1) % 10);
    const bad = await fetch(`${core.url}/api/v1/cases/${wrongDigit}`, { headers: authHeaders() });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe('reference_check_digit');
    const malformed = await fetch(`${core.url}/api/v1/cases/not-a-number`, {
      headers: authHeaders(),
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { code: string }).code).toBe('reference_malformed');
  });

  it('returns the same message and reference for a retried Idempotency-Key, and refuses it with another body', async () => {
    const headers = { 'Idempotency-Key': `retry-${env.id}` };
    const another = {
      ...submission,
      message: 'Bakırköy mağazasında kasada iki kez ücret çekildi.',
    };
    const first = await post(webForm, another, headers);
    const retry = await post(webForm, another, headers);
    expect(first.status).toBe(202);
    expect(retry).toEqual(first);
    expect(first.body.reference).toBeDefined();
    // The retry was published again and core recognised it: counted, nothing created.
    await eventually(async () => {
      const rows = await env.sql<{ duplicate_count: number }>(
        `SELECT duplicate_count FROM core.messages WHERE id = $1`,
        [first.body.messageId],
      );
      return rows.length === 1 && rows[0].duplicate_count === 1 ? rows : undefined;
    });
    expect(
      await env.sql(`SELECT 1 FROM core.cases WHERE first_message_id = $1`, [first.body.messageId]),
    ).toHaveLength(1);

    const other = await post(webForm, { ...another, message: 'Başka bir konu.' }, headers);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
  }, 30_000);

  describe('bad input', () => {
    let sizeBefore: number;
    beforeAll(async () => {
      sizeBefore = await topicSize(env.kafka, env.topic(Topics.IntakeMessages));
    });
    afterAll(async () => {
      // Nothing rejected reaches Kafka.
      expect(await topicSize(env.kafka, env.topic(Topics.IntakeMessages))).toBe(sizeBefore);
    });

    it('names every wrong field, in Turkish by default', async () => {
      const { status, body } = await post(webForm, {
        name: ' ',
        type: 'rant',
        consent: false,
        message: 'x',
        emial: 'a@b.c',
      });
      expect(status).toBe(400);
      expect(body.code).toBe('validation_failed');
      const byField = Object.fromEntries(
        body.errors.map((e: { field: string; message: string }) => [e.field, e.message]),
      );
      expect(byField).toEqual({
        name: 'Adınızı yazın.',
        surname: 'Soyadınızı yazın.',
        type: 'Geri bildirim türü şikâyet, talep, öneri veya teşekkür olmalı.',
        consent: 'Devam etmek için kişisel verilerinizin işlenmesine (KVKK) onay vermelisiniz.',
        emial: 'Bu alan tanınmıyor.',
        contact: 'Size ulaşabilmemiz için telefon numaranızı veya e-posta adresinizi yazın.',
      });
    });

    it('answers in English when asked', async () => {
      const { status, body } = await post(
        webForm,
        { ...submission, phone: '12', email: 'nope@' },
        { 'Accept-Language': 'en-GB,en;q=0.9' },
      );
      expect(status).toBe(400);
      expect(body.message).toBe('The request has errors.');
      expect(body.errors).toEqual([
        {
          field: 'phone',
          rule: 'invalid',
          message: 'Enter a valid phone number (e.g. +90 532 123 45 67).',
        },
        { field: 'email', rule: 'invalid', message: 'Enter a valid e-mail address.' },
      ]);
    });

    it('refuses bodies over 1 MB with 413, non-JSON with 415 and broken JSON with 400', async () => {
      const huge = await post(webForm, { ...submission, message: 'a'.repeat(1_100_000) });
      expect(huge).toMatchObject({ status: 413, body: { code: 'payload_too_large' } });

      const text = await fetch(`${webForm.url}/api/v1/web-form`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'şikâyet',
      });
      expect(text.status).toBe(415);
      expect(((await text.json()) as { code: string }).code).toBe('unsupported_media_type');

      const form = await fetch(`${webForm.url}/api/v1/web-form`, {
        method: 'POST',
        body: new URLSearchParams({ name: 'Ayşe' }),
      });
      expect(form.status).toBe(415);

      const broken = await post(webForm, '{"name": "Ayşe",');
      expect(broken).toMatchObject({ status: 400, body: { code: 'malformed_json' } });
    });

    it('refuses a malformed Idempotency-Key', async () => {
      const { status, body } = await post(webForm, submission, { 'Idempotency-Key': 'has space' });
      expect(status).toBe(400);
      expect(body.code).toBe('idempotency_key_invalid');
    });
  });
});
