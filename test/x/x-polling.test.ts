import type { InboundMessageV1 } from '@app/contracts';
import { FakeXServer } from '../support/x/fake-x-server';
import { corpusJson } from '../support/x/x-corpus';
import {
  beat,
  checkpoint,
  instanceOf,
  intakeMessages,
  intakeUntil,
  startTestX,
  until,
  type RunningX,
} from '../support/x/x-app';
import { eventually } from '../support/kafka-helpers';
import { TestEnvironment } from '../support/test-environment';
import { TopicTap } from '../support/x/topic-tap';
import { setTimeout as delay } from 'node:timers/promises';

/** Each test polls its own account, so checkpoints, leases and health beats never mix. */
let accountSeq = 0;
function accountId(): string {
  return `7100${Date.now() % 1_000_000}${accountSeq++}`;
}

function sourceIds(messages: InboundMessageV1[]): string[] {
  return messages.map((m) => m.sourceId).sort();
}

describe('X adapter: polling mentions and direct messages', () => {
  const env = new TestEnvironment('x_polling');
  const fakes: FakeXServer[] = [];
  const apps: RunningX[] = [];
  let tap: TopicTap;

  async function fakeX(account: string): Promise<FakeXServer> {
    const fake = await FakeXServer.start(account);
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
    // The app made the topics: now they can be read.
    tap ??= await TopicTap.start(env);
    return x;
  }

  afterAll(async () => {
    for (const app of apps) await app.close().catch(() => undefined);
    for (const fake of fakes) await fake.close();
    await tap?.stop();
    await env.destroy();
  }, 60_000);

  it('reads every page of mentions and DMs, and after a restart goes on from since_id and the last DM: nothing twice, nothing lost', async () => {
    const fake = await fakeX(accountId());
    const mine = (m: InboundMessageV1) => m.channelAccount === fake.data.accountId;
    const ayse = fake.user('ayse_k', 'Ayşe Kaya');
    const mehmet = fake.user('mehmet_d', 'Mehmet Demir');
    const corpusMention = fake.data.addCorpusMention();
    for (let i = 0; i < 11; i++) {
      fake.data.addMention(
        i % 2 ? ayse : mehmet,
        `@XDevelopers şikayet ${i}: sipariş ${1000 + i} gelmedi`,
      );
    }
    for (let i = 0; i < 7; i++) fake.data.addDm(i % 2 ? ayse : mehmet, `DM ${i}: iade talebim`);
    // Our own post and a retweet are not customers writing to us.
    fake.data.addMention({ id: fake.data.accountId } as never, 'Bizden duyuru');
    fake.data.addMention(ayse, 'RT @someone: ...', {
      referenced_tweets: [{ type: 'retweeted', id: '1' }],
    });

    let x = await startX(fake);
    const first = await intakeUntil(tap, 12 + 7, mine);
    const mentions = first.filter((m) => m.metadata?.xKind === 'mention');
    expect(mentions).toHaveLength(12);
    expect(first.filter((m) => m.metadata?.xKind === 'direct_message')).toHaveLength(7);
    // The documented mention arrives as a customer's message, its author resolved from includes.
    const documented = mentions.find((m) => m.sourceId === `tweet:${corpusMention.id}`)!;
    const author = corpusJson('mentions.json').includes.users[0];
    expect(documented).toMatchObject({
      channel: 'x',
      sender: { xUserId: corpusMention.author_id, xHandle: author.username },
      text: corpusMention.text,
    });
    // 12 mentions at 5 a page: the first scan is three pages linked by pagination tokens.
    const scan = fake.callsTo('mentions').slice(0, 3);
    expect(scan[0].query.pagination_token).toBeUndefined();
    expect(scan[1].query.pagination_token).toBeDefined();
    expect(scan[2].query.pagination_token).toBeDefined();
    expect(scan.every((c) => c.query.max_results === '5')).toBe(true);
    const newestMention = fake.data.mentions
      .map((t) => BigInt(t.id))
      .reduce((a, b) => (a > b ? a : b))
      .toString();
    const newestDm = fake.data.dmEvents
      .map((e) => BigInt(e.id))
      .reduce((a, b) => (a > b ? a : b))
      .toString();
    await eventually(async () =>
      (await checkpoint<{ sinceId?: string }>(env, `x:${fake.data.accountId}:mentions`))
        ?.sinceId === newestMention
        ? true
        : undefined,
    );
    await eventually(async () =>
      (await checkpoint<{ lastEventId?: string }>(env, `x:${fake.data.accountId}:dm`))
        ?.lastEventId === newestDm
        ? true
        : undefined,
    );
    // The polls after the scan ask only for what is newer.
    await until(() => fake.callsTo('mentions').length > 3, 'a poll after the scan');
    expect(fake.callsTo('mentions')[3].query.since_id).toBe(newestMention);

    await x.close();
    const callsBefore = fake.requests.length;
    const late = [
      fake.data.addMention(ayse, '@XDevelopers hâlâ cevap yok'),
      fake.data.addMention(mehmet, '@XDevelopers ben de bekliyorum'),
    ];
    const lateDm = fake.data.addDm(ayse, 'Sipariş numaram 4411');

    x = await startX(fake);
    const all = await intakeUntil(tap, 12 + 7 + 3, mine);
    // Give the restarted poller a few more rounds to publish anything twice, if it would.
    await until(() => fake.requests.length > callsBefore + 6, 'more polls after the restart');
    await delay(1_500);
    const final = await intakeUntil(tap, 22, mine);
    expect(new Set(sourceIds(final)).size).toBe(final.length);
    expect(final).toHaveLength(22);
    expect(sourceIds(all)).toEqual(
      expect.arrayContaining([...late.map((t) => `tweet:${t.id}`), `dm:${lateDm.id}`]),
    );
    const resumed = fake.requests.slice(callsBefore).find((r) => r.endpoint === 'mentions')!;
    expect(resumed.query.since_id).toBe(newestMention);
  }, 60_000);

  it('waits out a 429 until the reset X names, shows it in health, then reads on', async () => {
    const fake = await fakeX(accountId());
    const customer = fake.user('zeynep_a', 'Zeynep Arslan');
    fake.data.addMention(customer, '@XDevelopers kargo nerede?');
    const reset = Math.ceil(Date.now() / 1000) + 4;
    fake.script('mentions', {
      status: 429,
      body: corpusJson('error-429-observed-v2.json'),
      rateLimit: { remaining: 0, reset },
    });

    await startX(fake, { X_MENTIONS_POLL_MS: '1000' });
    const limited = await beat(
      tap,
      (b) => b.channelAccount === fake.data.accountId && b.detail === 'rate-limited',
    );
    expect(limited).toMatchObject({ state: 'degraded', lastError: { code: 'x_rate_limited' } });
    await intakeUntil(tap, 1, (m) => m.channelAccount === fake.data.accountId);
    const calls = fake.callsTo('mentions');
    // Not one call between the 429 and the reset, although the interval is a second.
    expect(calls[1].at).toBeGreaterThanOrEqual(reset * 1000);
    await beat(
      tap,
      (b) => b.channelAccount === fake.data.accountId && b.state === 'up' && b.at > limited.at,
    );
  }, 40_000);

  it('turns health to needs-auth on 401 and 403, and stops calling X with credentials it refused', async () => {
    const fake = await fakeX(accountId());
    fake.script('mentions', {
      status: 401,
      body: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' },
    });
    fake.script('dm_events', { status: 403, body: corpusJson('error-client-forbidden.json') });

    await startX(fake, { X_MENTIONS_POLL_MS: '1000', X_DM_POLL_MS: '1000' });
    const refused = await beat(
      tap,
      (b) => b.channelAccount === fake.data.accountId && b.state === 'needs-auth',
    );
    expect(['unauthorized', 'client-forbidden']).toContain(refused.detail);
    await until(
      () => fake.callsTo('mentions').length >= 1 && fake.callsTo('dm_events').length >= 1,
      'a call to each endpoint',
    );
    // Three poll intervals later X has still been asked only once per endpoint.
    await delay(3_000);
    expect(fake.callsTo('mentions')).toHaveLength(1);
    expect(fake.callsTo('dm_events')).toHaveLength(1);
    const latest = await beat(
      tap,
      (b) => b.channelAccount === fake.data.accountId && Date.parse(b.at) > Date.now() - 1_500,
    );
    expect(latest.state).toBe('needs-auth');
  }, 40_000);

  it('lets one instance poll an account while another stands by, and hands over when it stops', async () => {
    const fake = await fakeX(accountId());
    const account = fake.data.accountId;
    const mine = (m: InboundMessageV1) => m.channelAccount === account;
    const customer = fake.user('elif_s', 'Elif Şahin');
    for (let i = 0; i < 3; i++) fake.data.addMention(customer, `@XDevelopers fatura ${i} hatalı`);

    const first = await startX(fake);
    const second = await startX(fake);
    await intakeUntil(tap, 3, mine);
    const standby = await beat(tap, (b) => b.channelAccount === account && b.detail === 'standby');
    const polling = await beat(tap, (b) => b.channelAccount === account && b.detail === 'polling');
    expect(standby.instanceId).not.toBe(polling.instanceId);
    // Several rounds later, still only one instance has read the account.
    await until(() => fake.callsTo('mentions').length >= 4, 'a few more polls');
    expect(intakeMessages(tap).filter(mine)).toHaveLength(3);

    // The holder stops: the other takes the lease and reads what comes next.
    const holder = polling.instanceId === instanceOf(first) ? first : second;
    await holder.close();
    const late = fake.data.addMention(customer, '@XDevelopers hâlâ düzeltilmedi');
    await intakeUntil(tap, 1, (m) => m.sourceId === `tweet:${late.id}`);
    await beat(
      tap,
      (b) =>
        b.channelAccount === account &&
        b.detail === 'polling' &&
        b.instanceId !== polling.instanceId,
    );
    expect(intakeMessages(tap).filter(mine)).toHaveLength(4);
  }, 40_000);
});
