import { formatReference } from '@app/contracts';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { authHeaders, startTestWebForm, type RunningApp } from '../support/apps';
import { TestEnvironment } from '../support/test-environment';
import { startCoreWithSeedStores } from '../support/web-form/core-with-stores';
import { StubCore } from '../support/web-form/stub-core';
import { SAMPLE_FILES } from '../support/web-form/web-form-http';

/** Screenshots a person can look at; the folder is git-ignored. */
const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'web-form');

/** A phone-sized browser, as most customers will use the form. */
function phone(browser: Browser, options: { javaScriptEnabled?: boolean; locale?: string } = {}) {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: options.locale ?? 'tr-TR',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
}

/** Real headless Chromium (Debian's) against the running apps. */
describe('web form in a real browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  describe('the form, with core running', () => {
    const env = new TestEnvironment('web-form-browser');
    let core: RunningApp;
    let webForm: RunningApp;
    let context: BrowserContext;

    beforeAll(async () => {
      core = await startCoreWithSeedStores(env);
      webForm = await startTestWebForm(env, {
        WEB_FORM_CORE_URL: core.url,
        WEB_FORM_REFERENCE_WAIT_MS: '10000',
      });
    }, 120_000);

    afterEach(async () => {
      await context?.close();
    });

    afterAll(async () => {
      await webForm?.close();
      await core?.close();
      await env.destroy();
    }, 60_000);

    it('is filled in and sent on a phone, and shows the reference number core gave', async () => {
      context = await phone(browser);
      const page = await context.newPage();
      await page.goto(`${webForm.url}/`);
      expect(await page.locator('html').getAttribute('lang')).toBe('tr');
      // The page fits the phone: nothing wider than the screen.
      expect(
        await page.evaluate<number>('document.documentElement.scrollWidth'),
      ).toBeLessThanOrEqual(390);
      // The store list comes from core's seed, Turkish names and all.
      const storeOptions = await page
        .locator('#store-list option')
        .evaluateAll((options) => options.map((o) => o.getAttribute('value')));
      expect(storeOptions).toContain('Kadıköy Bahariye (Kadıköy, İstanbul)');

      await page.fill('#name', 'Ayşe');
      await page.fill('#surname', 'Yılmaz');
      await page.fill('#patronymic', 'Mehmet');
      await page.fill('#phone', '0532 123 45 67');
      await page.fill('#email', 'ayse.yilmaz@example.com');
      await page.check('#type-complaint');
      await page.fill('#store', 'Kadıköy Bahariye (Kadıköy, İstanbul)');
      await page.fill('#employee', 'Kasiyer');
      await page.fill(
        '#message',
        'Bahariye mağazasında 482913 numaralı fişle iade talebim reddedildi.',
      );
      const photo = SAMPLE_FILES.png();
      await page.setInputFiles('#attachments', {
        name: photo.name,
        mimeType: photo.type,
        buffer: photo.bytes,
      });
      await page.check('#consent');
      await page.screenshot({ path: join(ARTIFACTS, 'form-filled.png'), fullPage: true });
      await page.click('button[type="submit"]');

      const reference = await page.locator('#reference').innerText({ timeout: 20_000 });
      expect(reference).toMatch(/^KM-\d{4}-\d{6}-\d$/);
      await page.screenshot({ path: join(ARTIFACTS, 'confirmation.png'), fullPage: true });
      expect(await page.locator('a[href^="/track"]').getAttribute('href')).toBe(
        `/track?reference=${reference}&lang=tr`,
      );

      const found = await fetch(`${core.url}/api/v1/cases/${reference}`, {
        headers: authHeaders(),
      });
      expect(found.status).toBe(200);
      expect(await found.json()).toMatchObject({
        reference,
        channel: 'web-form',
        type: 'complaint',
      });
      const [message] = await env.sql<{ envelope: any }>(
        `SELECT m.envelope FROM core.messages m JOIN core.cases c ON c.first_message_id = m.id
          WHERE c.reference = $1`,
        [reference],
      );
      expect(message.envelope).toMatchObject({
        storeCode: 'IST-KDK-01',
        consent: { given: true, noticeVersion: 'kvkk-2026-01' },
      });
      expect(message.envelope.attachments).toHaveLength(1);
    }, 60_000);

    it('works without JavaScript: messages per field in English, then the reference', async () => {
      context = await phone(browser, { javaScriptEnabled: false, locale: 'en-GB' });
      const page = await context.newPage();
      await page.goto(`${webForm.url}/?lang=en`);
      await page.fill('#name', 'John');
      await page.fill('#message', 'The card reader at the till charged me twice for order 771204.');
      await page.click('button[type="submit"]');
      await page.waitForSelector('#error-summary');
      expect(await page.locator('#surname-error').innerText()).toBe('Enter your surname.');
      expect(await page.locator('#contact-error').innerText()).toBe(
        'Enter your phone number or your e-mail address so that we can reach you.',
      );
      expect(await page.inputValue('#name')).toBe('John');
      await page.screenshot({ path: join(ARTIFACTS, 'form-errors-en.png'), fullPage: true });

      await page.fill('#surname', 'Smith');
      await page.fill('#email', 'john.smith@example.com');
      await page.check('#type-complaint');
      await page.check('#consent');
      await page.click('button[type="submit"]');
      const reference = await page.locator('#reference').innerText({ timeout: 20_000 });
      expect(reference).toMatch(/^KM-\d{4}-\d{6}-\d$/);
    }, 60_000);
  });

  describe('the tracking page, against core’s tracking contract', () => {
    const env = new TestEnvironment('web-form-browser-track');
    const core = new StubCore();
    const reference = formatReference('KM', new Date().getFullYear(), 4217);
    let webForm: RunningApp;
    let context: BrowserContext;

    beforeAll(async () => {
      await core.start();
      core.addCase({
        reference,
        phoneLast4: '4567',
        status: 'resolved',
        openedAt: '2026-03-02T07:15:00.000Z',
        resolutionDueAt: '2026-03-16T15:00:00.000Z',
        timeline: [
          { at: '2026-03-02T07:15:00.000Z', status: 'created' },
          { at: '2026-03-03T09:00:00.000Z', status: 'in_progress' },
          { at: '2026-03-10T12:30:00.000Z', status: 'resolved' },
        ],
        awaitingAgreement: true,
        surveyOpen: false,
      });
      webForm = await startTestWebForm(env, { WEB_FORM_CORE_URL: core.url });
    }, 90_000);

    afterAll(async () => {
      await context?.close();
      await webForm?.close();
      await core.stop();
      await env.destroy();
    }, 60_000);

    it('shows the status, takes the agreement and then the survey', async () => {
      context = await phone(browser, { locale: 'en-GB' });
      const page = await context.newPage();
      await page.goto(`${webForm.url}/track?reference=${reference}&lang=en`);
      expect(await page.inputValue('#reference')).toBe(reference);
      await page.fill('#verify', '1111');
      await page.click('#lookup button[type="submit"]');
      expect(await page.locator('#banner').innerText()).toContain('We could not find a case');

      await page.fill('#verify', '4567');
      await page.click('#lookup button[type="submit"]');
      expect(await page.locator('#status').innerText()).toBe('Resolved');
      expect(await page.locator('#timeline li').count()).toBe(3);
      await page.screenshot({ path: join(ARTIFACTS, 'track-status.png'), fullPage: true });

      await page.fill('#agreement-comment', 'Replaced, thank you.');
      await page.click('#agree');
      expect(await page.locator('#banner').innerText()).toBe(
        'Thank you. We have your agreement; your case is being closed.',
      );
      expect(await page.locator('#status').innerText()).toBe('Closed');
      expect(core.requests.find((r) => r.path.endsWith('/agreement'))?.body).toEqual({
        verify: '4567',
        agree: true,
        comment: 'Replaced, thank you.',
      });

      await page.check('#score-4');
      await page.click('#survey button[type="submit"]');
      expect(await page.locator('#banner').innerText()).toBe(
        'Thank you. We have your survey answer.',
      );
      expect(core.requests.find((r) => r.path.endsWith('/survey'))?.body).toEqual({
        verify: '4567',
        score: 4,
      });
      await page.screenshot({ path: join(ARTIFACTS, 'track-after-survey.png'), fullPage: true });
    }, 60_000);
  });
});
