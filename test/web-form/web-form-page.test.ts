import { Topics, type InboundMessageV1 } from '@app/contracts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestWebForm, type RunningApp } from '../support/apps';
import { eventually, readTopic, topicSize } from '../support/kafka-helpers';
import { TestEnvironment } from '../support/test-environment';
import { StubCore } from '../support/web-form/stub-core';
import {
  elementOf,
  getPage,
  postFormPage,
  SAMPLE_FILES,
  textOf,
  valueOf,
} from '../support/web-form/web-form-http';

const STORES = [
  { code: 'IST-KDK-01', name: 'Kadıköy Merkez', city: 'İstanbul', district: 'Kadıköy' },
  { code: 'ANK-CNK-01', name: 'Kızılay', city: 'Ankara', district: 'Çankaya' },
];

const complete = {
  name: 'Ayşe',
  surname: 'Yılmaz',
  patronymic: 'Mehmet',
  phone: '0532 123 45 67',
  email: 'ayse.yilmaz@example.com',
  store: 'Kadıköy Merkez (Kadıköy, İstanbul)',
  employee: 'Kasiyer Ali',
  type: 'complaint',
  message: 'Kadıköy şubesinde iade talebim fişim olmasına rağmen reddedildi.',
  consent: 'yes',
};

/**
 * The form page at `/` as a browser without JavaScript uses it, against the real Kafka and
 * PostgreSQL, with a stand-in for core's public store list (core itself is not running: the
 * confirmation then says the reference will follow).
 */
describe('web form page', () => {
  const env = new TestEnvironment('web-form-page');
  const blobDir = mkdtempSync(join(tmpdir(), 'web-form-blobs-'));
  const core = new StubCore();
  let webForm: RunningApp;

  const intake = async () =>
    (await readTopic(env.kafka, env.topic(Topics.IntakeMessages))).map(
      (m) => JSON.parse(m.value) as InboundMessageV1,
    );

  beforeAll(async () => {
    core.stores = STORES;
    await core.start();
    webForm = await startTestWebForm(env, {
      WEB_FORM_CORE_URL: core.url,
      WEB_FORM_REFERENCE_WAIT_MS: '200',
      WEB_FORM_MAX_ATTACHMENTS: '2',
      WEB_FORM_MAX_ATTACHMENT_BYTES: String(64 * 1024),
      WEB_FORM_CONSENT_NOTICE_VERSION: 'kvkk-test-7',
      BLOB_STORE_DIR: blobDir,
    });
  }, 90_000);

  afterAll(async () => {
    await webForm?.close();
    await core.stop();
    await env.destroy();
    rmSync(blobDir, { recursive: true, force: true });
  }, 60_000);

  it('shows the form in Turkish by default, with the stores and the consent notice', async () => {
    const page = await getPage(webForm, '/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.html).toContain('<html lang="tr">');
    expect(page.html).toContain('name="viewport"');
    for (const field of ['name', 'surname', 'patronymic', 'phone', 'email', 'store', 'employee']) {
      expect(valueOf(page.html, field)).toBe('');
    }
    expect(elementOf(page.html, 'message')).toMatchObject({
      tag: 'textarea',
      attrs: { name: 'message' },
    });
    expect(elementOf(page.html, 'attachments')?.attrs).toMatchObject({
      type: 'file',
      name: 'attachments',
      multiple: '',
    });
    expect(elementOf(page.html, 'consent')?.attrs).toMatchObject({
      type: 'checkbox',
      name: 'consent',
      required: '',
    });
    expect(page.html).toContain('<option value="Kadıköy Merkez (Kadıköy, İstanbul)">');
    expect(textOf(page.html, 'notice')).toContain('6698');
    expect(textOf(page.html, 'notice')).toContain('kvkk-test-7');
    expect(page.html).toContain('Şikâyet');
    // Works without JavaScript: a plain multipart post back to the page.
    expect(elementOf(page.html, 'feedback-form')?.attrs).toMatchObject({
      method: 'post',
      action: '/?lang=tr',
      enctype: 'multipart/form-data',
    });
  });

  it('speaks English and Azerbaijani when asked, by link or by the browser', async () => {
    const en = await getPage(webForm, '/?lang=en');
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain('Feedback, Suggestions and Complaints');
    const az = await getPage(webForm, '/', { 'accept-language': 'az-AZ,az;q=0.9,en;q=0.5' });
    expect(az.html).toContain('<html lang="az">');
    expect(az.html).toContain('Şikayət');
  });

  it('names every wrong field in Turkish and keeps what was typed', async () => {
    const page = await postFormPage(webForm, {
      name: '',
      surname: 'Yılmaz',
      patronymic: 'M'.repeat(101),
      phone: '12',
      email: 'not-an-address',
      message: '   ',
    });
    expect(page.status).toBe(400);
    expect(textOf(page.html, 'name-error')).toBe('Adınızı yazın.');
    expect(textOf(page.html, 'patronymic-error')).toBe('Baba adı en fazla 100 karakter olabilir.');
    expect(textOf(page.html, 'phone-error')).toBe(
      'Geçerli bir telefon numarası yazın (ör. 0532 123 45 67).',
    );
    expect(textOf(page.html, 'email-error')).toBe('Geçerli bir e-posta adresi yazın.');
    expect(textOf(page.html, 'type-error')).toBe('Geri bildirim türünü seçin.');
    expect(textOf(page.html, 'message-error')).toBe('Mesajınızı yazın.');
    expect(textOf(page.html, 'consent-error')).toContain('onay vermelisiniz');
    expect(textOf(page.html, 'error-summary')).toContain('Adınızı yazın.');
    expect(valueOf(page.html, 'surname')).toBe('Yılmaz');
    expect(valueOf(page.html, 'phone')).toBe('12');
    expect(valueOf(page.html, 'email')).toBe('not-an-address');
  });

  it('names every wrong field in English on the English page', async () => {
    const page = await postFormPage(
      webForm,
      { name: 'Ayşe', surname: '', message: 'x', type: 'complaint', store: 'Nowhere Mall' },
      [],
      '/?lang=en',
    );
    expect(page.status).toBe(400);
    expect(page.html).toContain('<html lang="en">');
    expect(textOf(page.html, 'surname-error')).toBe('Enter your surname.');
    expect(textOf(page.html, 'contact-error')).toBe(
      'Enter your phone number or your e-mail address so that we can reach you.',
    );
    expect(textOf(page.html, 'store-error')).toBe(
      'We could not find this store in the list; choose one from it or leave it empty.',
    );
    expect(textOf(page.html, 'consent-error')).toBe(
      'To continue, you must consent to the processing of your personal data.',
    );
    expect(textOf(page.html, 'name-error')).toBeUndefined();
    expect(valueOf(page.html, 'name')).toBe('Ayşe');
    expect(valueOf(page.html, 'store')).toBe('Nowhere Mall');
    expect(elementOf(page.html, 'type-complaint')?.attrs).toMatchObject({ checked: '' });
    expect(elementOf(page.html, 'type-praise')?.attrs.checked).toBeUndefined();
  });

  it('refuses oversized and disguised attachments with a message each, keeping the good file', async () => {
    const before = await topicSize(env.kafka, env.topic(Topics.IntakeMessages));
    const big: typeof complete & Record<string, string> = { ...complete };
    const oversized = {
      name: 'büyük.jpg',
      type: 'image/jpeg',
      bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(70 * 1024)]),
    };
    const page = await postFormPage(
      webForm,
      big,
      [oversized, SAMPLE_FILES.fakePdf(), SAMPLE_FILES.png()],
      '/?lang=en',
    );
    expect(page.status).toBe(400);
    const errors = textOf(page.html, 'attachments-error');
    expect(errors).toContain('büyük.jpg: The file is too large; each file can be at most 64 KB.');
    expect(errors).toContain(
      'fatura.pdf: Only JPEG, PNG, WebP or HEIC photos and PDF documents can be attached.',
    );
    // The good photo was kept (stored once, offered back ticked) and everything typed is there.
    expect(page.html).toMatch(/name="kept" value="[0-9a-f]{64}:fiş-fotoğrafı\.png" checked/);
    expect(valueOf(page.html, 'name')).toBe('Ayşe');
    expect(await topicSize(env.kafka, env.topic(Topics.IntakeMessages))).toBe(before);

    const tooMany = await postFormPage(
      webForm,
      big,
      [SAMPLE_FILES.png(), SAMPLE_FILES.pdf(), SAMPLE_FILES.pdf()],
      '/?lang=tr',
    );
    expect(tooMany.status).toBe(400);
    expect(textOf(tooMany.html, 'attachments-error')).toContain(
      'En fazla 2 dosya ekleyebilirsiniz.',
    );
  });

  it('sends a complete form with files, and the envelope carries them and the consent as given', async () => {
    const page = await postFormPage(webForm, complete, [SAMPLE_FILES.png(), SAMPLE_FILES.pdf()]);
    expect(page.status).toBe(200);
    // Core is not running here: the page says the number will follow, and links to /track.
    expect(textOf(page.html, 'reference-later')).toContain('e-posta veya SMS');
    expect(page.html).toContain('href="/track?lang=tr"');
    const sent = await eventually(async () =>
      (await intake()).find((m) => m.text === complete.message),
    );
    expect(sent).toMatchObject({
      channel: 'web-form',
      sender: {
        name: 'Ayşe',
        surname: 'Yılmaz',
        patronymic: 'Mehmet',
        phone: '+905321234567',
        email: 'ayse.yilmaz@example.com',
      },
      storeCode: 'IST-KDK-01',
      employee: 'Kasiyer Ali',
      declaredType: 'complaint',
      language: 'tr',
      consent: { given: true, noticeVersion: 'kvkk-test-7' },
      metadata: { via: 'page' },
    });
    expect(Date.now() - Date.parse(sent.consent!.givenAt)).toBeLessThan(60_000);
    expect(sent.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['fiş-fotoğrafı.png', 'image/png'],
      ['fatura.pdf', 'application/pdf'],
    ]);
    const fs = await import('node:fs/promises');
    const stored = await fs.readdir(blobDir, { recursive: true });
    for (const a of sent.attachments) {
      expect(stored.some((name) => String(name).endsWith(a.sha256))).toBe(true);
    }
  }, 30_000);

  it('answers a filled honeypot like a success and publishes nothing, on the page and the API', async () => {
    const before = await topicSize(env.kafka, env.topic(Topics.IntakeMessages));
    const page = await postFormPage(webForm, { ...complete, website: 'http://spam.example' });
    expect(page.status).toBe(200);
    expect(textOf(page.html, 'done-title')).toBe('Başvurunuz alındı');
    const api = await fetch(`${webForm.url}/api/v1/web-form`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Bot',
        surname: 'Bot',
        email: 'bot@example.com',
        type: 'complaint',
        message: 'buy now',
        consent: true,
        website: 'http://spam.example',
      }),
    });
    expect(api.status).toBe(202);
    // A real submission after them is on the topic; the two trapped ones are not.
    await postFormPage(webForm, { ...complete, message: 'Honeypot sonrası gerçek mesaj.' });
    await eventually(async () =>
      (await intake()).find((m) => m.text === 'Honeypot sonrası gerçek mesaj.'),
    );
    expect(await topicSize(env.kafka, env.topic(Topics.IntakeMessages))).toBe(before + 1);
  }, 30_000);

  it('serves its stylesheet and script as files, under a policy without inline code', async () => {
    const page = await getPage(webForm, '/');
    expect(page.headers.get('content-security-policy')).toContain(`script-src 'self'`);
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const css = /href="(\/assets\/form\.css\?v=[0-9a-f]+)"/.exec(page.html)![1];
    const asset = await fetch(`${webForm.url}${css}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await asset.text()).toContain('@media');
  });
});
