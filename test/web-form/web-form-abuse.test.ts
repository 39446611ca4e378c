import { Topics } from '@app/contracts';
import { startTestWebForm, type RunningApp } from '../support/apps';
import { topicSize } from '../support/kafka-helpers';
import { TestEnvironment } from '../support/test-environment';
import { StubCore } from '../support/web-form/stub-core';
import { postFormPage, postTrackForm, textOf } from '../support/web-form/web-form-http';

const incomplete = { name: 'Ayşe', surname: 'Yılmaz', message: 'eksik form' };

async function postApi(app: RunningApp, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.url}/api/v1/web-form`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ name: 'Ayşe' }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

/**
 * The rate limit per client address lives in PostgreSQL, so two instances behind one load
 * balancer share it; submissions and status look-ups have separate allowances.
 */
describe('web form abuse protection', () => {
  const env = new TestEnvironment('web-form-abuse');
  const core = new StubCore();
  let first: RunningApp;
  let second: RunningApp;

  beforeAll(async () => {
    await core.start();
    const settings = {
      WEB_FORM_CORE_URL: core.url,
      WEB_FORM_RATE_LIMIT: '3',
      WEB_FORM_TRACK_RATE_LIMIT: '2',
      WEB_FORM_CORS_ORIGINS: 'https://www.ornekmagaza.com.tr',
    };
    first = await startTestWebForm(env, settings);
    // The second instance migrates the same database after the first: nothing left to do.
    second = await startTestWebForm(env, settings);
  }, 90_000);

  afterAll(async () => {
    await second?.close();
    await first?.close();
    await core.stop();
    await env.destroy();
  }, 60_000);

  it('limits submissions per address across instances, on the page and the API alike', async () => {
    const before = await topicSize(env.kafka, env.topic(Topics.IntakeMessages));
    expect((await postFormPage(first, incomplete)).status).toBe(400);
    expect((await postApi(second)).status).toBe(400);
    expect((await postFormPage(second, incomplete)).status).toBe(400);

    const page = await postFormPage(first, incomplete);
    expect(page.status).toBe(429);
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(page.html).toContain('<html lang="tr">');
    expect(textOf(page.html, 'error-title')).toBe('Bir sorun oluştu');
    expect(page.html).toContain('Bu bağlantıdan çok sayıda gönderim yapıldı');

    const api = await postApi(second, { 'accept-language': 'en' });
    expect(api.status).toBe(429);
    expect(api.body).toMatchObject({
      code: 'rate_limited',
      message: 'Too many submissions came from your connection; please try again later.',
    });
    expect(Number(api.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await topicSize(env.kafka, env.topic(Topics.IntakeMessages))).toBe(before);
  });

  it('counts status look-ups apart from submissions, with their own limit', async () => {
    const lookUp = () => postTrackForm(first, '/track?lang=en', { reference: '', verify: '' });
    expect((await lookUp()).status).toBe(400);
    expect((await lookUp()).status).toBe(400);
    const refused = await lookUp();
    expect(refused.status).toBe(429);
    expect(refused.html).toContain('Too many look-ups were made; please try again later.');
    expect(refused.html).toContain('href="/track?lang=en"');
  });

  it('lets configured origins call the JSON API from a browser, and no others', async () => {
    const preflight = (origin: string) =>
      fetch(`${first.url}/api/v1/web-form`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,idempotency-key',
        },
      });
    const allowed = await preflight('https://www.ornekmagaza.com.tr');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(
      'https://www.ornekmagaza.com.tr',
    );
    expect(allowed.headers.get('access-control-allow-headers')).toContain('Idempotency-Key');
    const other = await preflight('https://evil.example');
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
