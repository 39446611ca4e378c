import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InboundMessageV1 } from '@app/contracts';
import { FakeXServer } from '../support/x/fake-x-server';
import { beat, intakeUntil, startTestX, until, type RunningX } from '../support/x/x-app';
import { TestEnvironment } from '../support/test-environment';
import { TopicTap } from '../support/x/topic-tap';

let accountSeq = 0;
function accountId(): string {
  return `7300${Date.now() % 1_000_000}${accountSeq++}`;
}

const CLIENT = { id: 'oauth2-client-id', secret: 'oauth2-client-secret' };

/** OAuth 2.0 user context instead of the OAuth 1.0a pair the test defaults carry. */
const oauth2 = (vars: Record<string, string>) => ({
  X_ACCESS_TOKEN: '',
  X_ACCESS_SECRET: '',
  X_OAUTH2_CLIENT_ID: CLIENT.id,
  X_OAUTH2_CLIENT_SECRET: CLIENT.secret,
  X_WEBHOOK_ENABLED: 'false',
  ...vars,
});

describe('X adapter: OAuth 2.0 token refresh, and needs-auth that ends by itself', () => {
  const env = new TestEnvironment('x_credentials');
  const fakes: FakeXServer[] = [];
  const apps: RunningX[] = [];
  let tap: TopicTap;

  async function fakeX(): Promise<FakeXServer> {
    const fake = await FakeXServer.start(accountId());
    fakes.push(fake);
    return fake;
  }

  async function startX(fake: FakeXServer, overrides: Record<string, string> = {}) {
    const x = await startTestX(env, fake.url, {
      X_USER_ID: fake.data.accountId,
      X_PAGE_SIZE: '5',
      ...overrides,
    });
    apps.push(x);
    tap ??= await TopicTap.start(env);
    return x;
  }

  const storedRefreshToken = async (account: string) =>
    (
      await env.sql<{ refresh_token: string }>(
        `SELECT refresh_token FROM x.oauth2_tokens WHERE account = $1`,
        [account],
      )
    )[0]?.refresh_token;

  afterAll(async () => {
    for (const app of apps) await app.close().catch(() => undefined);
    for (const fake of fakes) await fake.close();
    await tap?.stop();
    await env.destroy();
  }, 60_000);

  it('refreshes the 2-hour token before it expires, stores each rotated pair, and a restart goes on with the newest', async () => {
    const fake = await fakeX();
    const account = fake.data.accountId;
    const mine = (m: InboundMessageV1) => m.channelAccount === account;
    const tokens = fake.useOAuth2(CLIENT.id, CLIENT.secret);
    // Short-lived tokens, so that several refreshes happen within the test.
    tokens.lifetimeSeconds = 4;
    const configured = tokens.issue();
    const customer = fake.user('deniz_y', 'Deniz Yılmaz');
    fake.data.addMention(customer, '@XDevelopers faturam yanlış');
    const vars = oauth2({
      X_OAUTH2_ACCESS_TOKEN: configured.access_token,
      X_OAUTH2_REFRESH_TOKEN: configured.refresh_token,
    });

    let x = await startX(fake, vars);
    await intakeUntil(tap, 1, mine);
    // The first refresh spends the configured token; the next ones each spend the last issued.
    await until(
      () => tokens.calls.filter((c) => c.status === 200).length >= 3,
      '3 refreshes',
      20_000,
    );
    expect(tokens.calls.every((c) => c.status === 200)).toBe(true);
    expect(tokens.calls[0].refreshToken).toBe(configured.refresh_token);
    expect(new Set(tokens.calls.map((c) => c.refreshToken)).size).toBe(tokens.calls.length);
    expect(
      tokens.calls.every((c) => c.contentType?.startsWith('application/x-www-form-urlencoded')),
    ).toBe(true);
    // Every call to the API had a live token: none was refused for an expired one.
    const refusedApi = fake.requests.filter(
      (r) => r.endpoint === 'mentions' && r.token && !r.token.startsWith('at-'),
    );
    expect(refusedApi).toHaveLength(0);
    await x.close();
    expect(await storedRefreshToken(account)).toBe(tokens.liveRefreshTokens().at(-1));

    // Same environment, its refresh token long spent: the stored pair is used, not the spent one.
    const callsBefore = tokens.calls.length;
    const late = fake.data.addMention(customer, '@XDevelopers hâlâ düzelmedi');
    x = await startX(fake, vars);
    await intakeUntil(tap, 1, (m) => m.sourceId === `tweet:${late.id}`);
    await until(() => tokens.calls.length > callsBefore, 'a refresh after the restart', 20_000);
    expect(tokens.calls.slice(callsBefore).every((c) => c.status === 200)).toBe(true);
    expect(tokens.calls.slice(callsBefore).map((c) => c.refreshToken)).not.toContain(
      configured.refresh_token,
    );
    const healthy = await beat(tap, (b) => b.channelAccount === account && b.state === 'up');
    expect(healthy.detail).toBe('polling');
  }, 60_000);

  it('turns to needs-auth when X refuses the refresh token, and recovers when the token file is rewritten', async () => {
    const fake = await fakeX();
    const account = fake.data.accountId;
    const tokens = fake.useOAuth2(CLIENT.id, CLIENT.secret);
    const spent = tokens.issue();
    // Spent by someone else: X refuses it from now on.
    tokens.token(
      'application/x-www-form-urlencoded',
      `Basic ${Buffer.from(`${CLIENT.id}:${CLIENT.secret}`).toString('base64')}`,
      Buffer.from(
        new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: spent.refresh_token,
        }).toString(),
      ),
    );
    const file = join(mkdtempSync(join(tmpdir(), 'x-token-')), 'token.json');
    writeFileSync(file, JSON.stringify({ refresh_token: spent.refresh_token }));
    fake.data.addMention(fake.user('selin_k', 'Selin Koç'), '@XDevelopers iade nerede?');

    await startX(fake, oauth2({ X_OAUTH2_TOKEN_FILE: file, X_AUTH_RETRY_MS: '1000' }));
    const refused = await beat(
      tap,
      (b) => b.channelAccount === account && b.state === 'needs-auth',
    );
    expect(refused.detail).toBe('refresh-failed');
    expect(refused.lastError?.code).toBe('x_token_refresh_failed');
    expect(tokens.calls.at(-1)?.status).toBe(400);

    // The operator authorizes again and saves X's answer to the file: no restart.
    writeFileSync(file, JSON.stringify(tokens.issue()));
    const back = await beat(
      tap,
      (b) => b.channelAccount === account && b.state === 'up' && b.at > refused.at,
    );
    expect(back.detail).toBe('polling');
    await intakeUntil(tap, 1, (m) => m.channelAccount === account);
  }, 40_000);

  it('retries refused OAuth 1.0a credentials every X_AUTH_RETRY_MS, not faster, and clears needs-auth when X accepts them again', async () => {
    const fake = await fakeX();
    const account = fake.data.accountId;
    const unauthorized = {
      status: 401,
      body: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' },
    };
    // Refused twice (the app's access being fixed), then accepted.
    fake.script('mentions', unauthorized, unauthorized);
    fake.data.addMention(fake.user('kaan_t', 'Kaan Tekin'), '@XDevelopers sipariş iptal');

    await startX(fake, { X_AUTH_RETRY_MS: '2000', X_WEBHOOK_ENABLED: 'false' });
    const refused = await beat(
      tap,
      (b) => b.channelAccount === account && b.state === 'needs-auth',
    );
    expect(refused.detail).toBe('unauthorized');
    await intakeUntil(tap, 1, (m) => m.channelAccount === account, 20_000);
    const back = await beat(
      tap,
      (b) => b.channelAccount === account && b.state === 'up' && b.at > refused.at,
    );
    expect(back.detail).toBe('polling');
    const calls = fake.callsTo('mentions');
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(1_900);
    expect(calls[2].at - calls[1].at).toBeGreaterThanOrEqual(1_900);
  }, 40_000);
});
