import { chromium, type Browser } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { envelope } from '../support/apps';
import {
  healthBeat,
  keepBeating,
  startTestDashboard,
  type RunningDashboard,
} from '../support/dashboard/dashboard-app';
import { DashboardCore } from '../support/dashboard/dashboard-core';
import { publish } from '../support/intake-helpers';
import { TestEnvironment } from '../support/test-environment';

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');

jest.setTimeout(90_000);

/**
 * The dashboard in Debian's Chromium against a real core: an ops person signs in with a token
 * core issued, watches the rows live, sees core's lag grow while core is down, and sees a channel
 * whose adapter stops beating turn down without reloading the page.
 */
describe('Dashboard in a real browser', () => {
  const env = new TestEnvironment('dashboard_browser');
  let core: DashboardCore;
  let opsToken: string;
  let dashboard: RunningDashboard;
  let browser: Browser;
  const beaters: { stop(): Promise<void> }[] = [];

  beforeAll(async () => {
    core = await DashboardCore.start(env);
    opsToken = (await core.issueToken('nobetci-ops', 'ops')).token;
    // An open case, for the SLA panel's bars, that has run past its resolution deadline.
    await core.openCases({});
    const [late] = await core.openCaseIds();
    await core.runLate(late, 'resolution', 'breached');
    dashboard = await startTestDashboard(env, core.url, {
      DASHBOARD_CORE_CONSUMER_GROUP: core.group,
    });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    });
  }, 120_000);

  afterAll(async () => {
    for (const beater of beaters) await beater.stop();
    await browser?.close();
    await dashboard?.close();
    await core?.stop();
    await env.destroy();
  }, 60_000);

  it('shows a channel that stops beating as down within 30 seconds, without a reload', async () => {
    const started = Date.now();
    let received = 0;
    const mailbox = () => {
      received += 3;
      return healthBeat({
        channelAccount: 'sikayet@ornek.com.tr',
        detail: 'idle',
        counters: { received, errors: 0, sent: 0 },
      });
    };
    const mailboxBeats = await keepBeating(env, mailbox);
    beaters.push(mailboxBeats);
    beaters.push(
      await keepBeating(env, () =>
        healthBeat({
          channel: 'call-center',
          channelAccount: 'santral-istanbul',
          instanceId: 'cc-1',
          detail: 'webhook',
          counters: { received: 12, errors: 1, sent: 0 },
          lastError: {
            at: new Date(started).toISOString(),
            code: 'signature_invalid',
            message: 'webhook signature did not match',
          },
        }),
      ),
      await keepBeating(env, () =>
        healthBeat({
          channel: 'whatsapp',
          channelAccount: '905321234567',
          instanceId: 'wa-1',
          state: 'needs-auth',
          detail: 'qr-required',
          qr: '2@y8VgHqK3,abcDEF123,xyz789==,1',
          lastMessageAt: undefined,
        }),
      ),
    );

    const context = await browser.newContext({
      locale: 'tr-TR',
      timezoneId: 'Europe/Istanbul',
      viewport: { width: 1400, height: 1000 },
    });
    const page = await context.newPage();
    await page.goto(`${dashboard.url}/`);
    // Not signed in: the sign-in form, then the board.
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.fill('#token', opsToken);
    await Promise.all([page.waitForURL(`${dashboard.url}/`), page.click('button[type=submit]')]);
    const row = page.locator('tr[data-key="email:sikayet@ornek.com.tr"]');
    await row.and(page.locator('[data-state="up"]')).waitFor({ timeout: 15_000 });
    await expectText(page.locator('#live'), 'Canlı');
    await expectText(row.locator('.badge'), 'Çalışıyor');
    await page.locator('tr[data-key="whatsapp:905321234567"] .qr img').waitFor({ timeout: 15_000 });
    await page.locator('#sla-body svg.bars').first().waitFor();
    // The case past its deadline, counted and named by the clock that ran out.
    await expectText(page.locator('[data-figure="breached"] .figure-value'), '1');
    await expectText(
      page.locator('.sla-alerts li[data-target="resolution"]'),
      'Çözüm: 0 uyarıda, 1 süresi aşıldı',
    );
    const lag = page.locator('tr[data-topic="intake.messages.v1"] .lag-value');
    await expectText(lag, '0');
    // Core goes down and two complaints wait for it: the page says so, and the lag grows.
    await core.stop();
    await publish(env, envelope(), envelope());
    await expectText(lag, '2');
    expect((await lag.textContent())?.trim()).toBe('2');
    await expectText(page.locator('#notices'), 'Core’a ulaşılamıyor');
    // A mark on the window: a reload would wipe it.
    await page.evaluate(() => ((globalThis as unknown as { mark: string }).mark = 'same page'));

    await mailboxBeats.stop();
    const stoppedAt = Date.now();
    await row.and(page.locator('[data-state="down"]')).waitFor({ timeout: 30_000 });
    const tookMs = Date.now() - stoppedAt;
    expect(tookMs).toBeLessThan(30_000);
    await expectText(row.locator('.badge'), 'Kapalı');
    await expectText(row.locator('.reason'), 'sinyal gelmiyor');
    expect(await page.evaluate(() => (globalThis as unknown as { mark?: string }).mark)).toBe(
      'same page',
    );
    expect(
      await page.locator('tr[data-key="call-center:santral-istanbul"]').getAttribute('data-state'),
    ).toBe('up');

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });

    // The same board in English, the choice remembered.
    await page.click('a.lang');
    await expectText(page.locator('h1'), 'Channel health');
    await expectText(row.locator('.badge'), 'Down');
    await context.close();
  });
});

async function expectText(
  locator: import('playwright-core').Locator,
  expected: string,
): Promise<void> {
  const deadline = Date.now() + 10_000;
  let actual = '';
  while (Date.now() < deadline) {
    actual = (await locator.first().textContent()) ?? '';
    if (actual.includes(expected)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected "${expected}", found "${actual}"`);
}
