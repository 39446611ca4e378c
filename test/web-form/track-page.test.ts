import { formatReference } from '@app/contracts';
import { startTestWebForm, type RunningApp } from '../support/apps';
import { TestEnvironment } from '../support/test-environment';
import { StubCore, type StubCase } from '../support/web-form/stub-core';
import {
  elementOf,
  getPage,
  postTrackForm,
  textOf,
  valueOf,
} from '../support/web-form/web-form-http';

const year = new Date().getFullYear();
const RESOLVED = formatReference('KM', year, 4217);
const IN_PROGRESS = formatReference('KM', year, 4218);

function resolvedCase(): StubCase {
  return {
    reference: RESOLVED,
    phoneLast4: '4567',
    email: 'ayse.yilmaz@example.com',
    status: 'resolved',
    openedAt: `${year}-03-02T07:15:00.000Z`,
    resolutionDueAt: `${year}-03-16T15:00:00.000Z`,
    timeline: [
      { at: `${year}-03-02T07:15:00.000Z`, status: 'created' },
      { at: `${year}-03-03T09:00:00.000Z`, status: 'in_progress' },
      { at: `${year}-03-10T12:30:00.000Z`, status: 'resolved' },
    ],
    awaitingAgreement: true,
    surveyOpen: false,
  };
}

/**
 * `/track` against a stand-in for core's tracking API (the documented contract): the page checks
 * what it can itself, passes the factor to core, and shows the timeline, the agreement question
 * and the survey in the customer's language.
 */
describe('tracking page', () => {
  const env = new TestEnvironment('web-form-track');
  const core = new StubCore();
  let webForm: RunningApp;

  beforeAll(async () => {
    await core.start();
    webForm = await startTestWebForm(env, {
      WEB_FORM_CORE_URL: core.url,
      WEB_FORM_CORE_TIMEOUT_MS: '1000',
    });
  }, 90_000);

  beforeEach(() => {
    core.cases.clear();
    core.addCase(resolvedCase());
    core.addCase({
      reference: IN_PROGRESS,
      email: 'can@example.com',
      status: 'in_progress',
      openedAt: `${year}-01-05T08:00:00.000Z`,
      resolutionDueAt: `${year}-01-19T15:00:00.000Z`,
      newResolutionDate: `${year}-01-30`,
      delayReason: 'Parça tedarikçiden bekleniyor.',
      timeline: [
        { at: `${year}-01-05T08:00:00.000Z`, status: 'created' },
        { at: `${year}-01-06T08:00:00.000Z`, status: 'in_progress' },
      ],
      awaitingAgreement: false,
      surveyOpen: false,
    });
    core.rateLimited = false;
    core.failWith = undefined;
    core.requests.length = 0;
  });

  afterAll(async () => {
    await webForm?.close();
    await core.stop();
    await env.destroy();
  }, 60_000);

  it('offers the look-up form, with the reference from the confirmation link filled in', async () => {
    const page = await getPage(webForm, `/track?reference=${RESOLVED}&lang=az`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<html lang="az">');
    expect(valueOf(page.html, 'reference')).toBe(RESOLVED);
    expect(valueOf(page.html, 'verify')).toBe('');
    expect(elementOf(page.html, 'lookup')?.attrs).toMatchObject({
      method: 'post',
      action: '/track?lang=az',
    });
  });

  it('names each wrong field in Turkish and in English, without asking core', async () => {
    const wrongDigit = RESOLVED.slice(0, -1) + ((Number(RESOLVED.slice(-1)) + 1) % 10);
    const tr = await postTrackForm(webForm, '/track', { reference: '', verify: '45' });
    expect(tr.status).toBe(400);
    expect(textOf(tr.html, 'reference-error')).toBe('Referans numaranızı yazın.');
    expect(textOf(tr.html, 'verify-error')).toBe(
      'Telefonun son 4 hanesini (ör. 4567) veya geçerli bir e-posta adresi yazın.',
    );
    const en = await postTrackForm(webForm, '/track?lang=en', {
      reference: wrongDigit,
      verify: '',
    });
    expect(textOf(en.html, 'reference-error')).toBe(
      'A digit of this reference number seems wrong; please check the number.',
    );
    expect(textOf(en.html, 'verify-error')).toBe(
      'Enter the last 4 digits of your phone or your e-mail address.',
    );
    expect(valueOf(en.html, 'reference')).toBe(wrongDigit);
    expect(core.requests).toHaveLength(0);
  });

  it('shows the status timeline in Turkish with the last four digits of the phone', async () => {
    const page = await postTrackForm(webForm, '/track', {
      reference: RESOLVED.toLowerCase(),
      verify: '45 67',
    });
    expect(page.status).toBe(200);
    expect(core.requests[0]).toMatchObject({
      method: 'GET',
      path: `/api/v1/track/${RESOLVED}`,
      query: { verify: '4567' },
    });
    expect(core.requests[0].headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(textOf(page.html, 'case-title')).toBe(RESOLVED);
    expect(textOf(page.html, 'status')).toBe('Çözümlendi');
    expect(textOf(page.html, 'timeline')).toBe(
      `Oluşturuldu 2 Mart ${year} 10:15 İşlem Sırasında 3 Mart ${year} 12:00 Çözümlendi 10 Mart ${year} 15:30`,
    );
    expect(textOf(page.html, 'due')).toBe(`16 Mart ${year}`);
    expect(textOf(page.html, 'agree')).toBe('Katılıyorum, kapatılabilir');
    expect(textOf(page.html, 'disagree')).toBe('Sorun devam ediyor');
    expect(page.html).not.toContain('id="survey"');
  });

  it('shows a missed target with its reason and new date, in English, with the e-mail', async () => {
    const page = await postTrackForm(webForm, '/track?lang=en', {
      reference: IN_PROGRESS,
      verify: 'Can@Example.com',
    });
    expect(page.status).toBe(200);
    expect(textOf(page.html, 'status')).toBe('In Progress');
    expect(textOf(page.html, 'new-date')).toBe(`30 January ${year}`);
    expect(textOf(page.html, 'delay-reason')).toBe('Parça tedarikçiden bekleniyor.');
    expect(page.html).not.toContain('id="agreement"');
  });

  it('answers a wrong factor and an unknown number with the same message', async () => {
    const wrongFactor = await postTrackForm(webForm, '/track?lang=en', {
      reference: RESOLVED,
      verify: '0000',
    });
    const unknown = await postTrackForm(webForm, '/track?lang=en', {
      reference: formatReference('KM', year, 999_999),
      verify: '4567',
    });
    expect(wrongFactor.status).toBe(404);
    expect(unknown.status).toBe(404);
    const message =
      'We could not find a case with this reference number and this phone or e-mail. Check both and try again.';
    expect(textOf(wrongFactor.html, 'banner')).toBe(message);
    expect(textOf(unknown.html, 'banner')).toBe(message);
    expect(valueOf(wrongFactor.html, 'verify')).toBe('0000');
  });

  it('passes on core refusing too many look-ups, and says when core cannot answer', async () => {
    core.rateLimited = true;
    const limited = await postTrackForm(webForm, '/track', { reference: RESOLVED, verify: '4567' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('120');
    expect(textOf(limited.html, 'banner')).toBe(
      'Çok sayıda sorgu yapıldı; lütfen bir süre sonra yeniden deneyin.',
    );
    core.rateLimited = false;
    core.failWith = 500;
    const down = await postTrackForm(webForm, '/track?lang=en', {
      reference: RESOLVED,
      verify: '4567',
    });
    expect(down.status).toBe(503);
    expect(textOf(down.html, 'banner')).toBe(
      'We cannot show the status right now; please try again in a few minutes.',
    );
  });

  it('closes with the customer’s agreement, then takes the survey', async () => {
    const agreed = await postTrackForm(webForm, '/track/agreement?lang=en', {
      reference: RESOLVED,
      verify: '4567',
      agree: 'yes',
      comment: 'Ürün değiştirildi, teşekkürler.',
    });
    expect(agreed.status).toBe(200);
    expect(core.requests[0]).toMatchObject({
      method: 'POST',
      path: `/api/v1/track/${RESOLVED}/agreement`,
      body: { verify: '4567', agree: true, comment: 'Ürün değiştirildi, teşekkürler.' },
    });
    expect(textOf(agreed.html, 'banner')).toBe(
      'Thank you. We have your agreement; your case is being closed.',
    );
    expect(textOf(agreed.html, 'status')).toBe('Closed');
    expect(agreed.html).not.toContain('id="agreement"');

    const noScore = await postTrackForm(webForm, '/track/survey?lang=en', {
      reference: RESOLVED,
      verify: '4567',
      comment: 'Hızlıydı.',
    });
    expect(noScore.status).toBe(400);
    expect(textOf(noScore.html, 'score-error')).toBe('Choose a score from 1 to 5.');
    expect(textOf(noScore.html, 'survey-comment')).toBe('Hızlıydı.');

    const surveyed = await postTrackForm(webForm, '/track/survey?lang=en', {
      reference: RESOLVED,
      verify: '4567',
      score: '5',
      comment: 'Hızlıydı.',
    });
    expect(surveyed.status).toBe(200);
    expect(core.requests.find((r) => r.path.endsWith('/survey'))?.body).toEqual({
      verify: '4567',
      score: 5,
      comment: 'Hızlıydı.',
    });
    expect(textOf(surveyed.html, 'banner')).toBe('Thank you. We have your survey answer.');
    expect(surveyed.html).not.toContain('id="survey"');
  });

  it('reopens when the problem remains, and says so when the answer is no longer taken', async () => {
    const remains = await postTrackForm(webForm, '/track/agreement', {
      reference: RESOLVED,
      verify: 'ayse.yilmaz@example.com',
      agree: 'no',
    });
    expect(remains.status).toBe(200);
    expect(core.requests[0].body).toEqual({ verify: 'ayse.yilmaz@example.com', agree: false });
    expect(textOf(remains.html, 'status')).toBe('İşlem Sırasında');
    const again = await postTrackForm(webForm, '/track/agreement', {
      reference: RESOLVED,
      verify: '4567',
      agree: 'yes',
    });
    expect(again.status).toBe(409);
    expect(textOf(again.html, 'banner')).toBe(
      'Bu yanıt artık alınamıyor; başvurunuzun güncel durumu aşağıdadır.',
    );
  });
});
