import { createHmac } from 'node:crypto';
import type { InboundMessageV1 } from '@app/contracts';
import { TestEnvironment } from '../support/test-environment';
import { FakeXServer } from '../support/x/fake-x-server';
import { TopicTap } from '../support/x/topic-tap';
import { beat, intakeMessages, intakeUntil, startTestX, type RunningX } from '../support/x/x-app';
import { corpusJson, signatureVectors } from '../support/x/x-corpus';

/**
 * The Account Activity webhook with Zammad's captured deliveries: the account they were sent to is
 * user 123, and they were signed with the consumer secret `DDD`.
 */
const ACCOUNT = '123';
const SECRET = 'DDD';

function sign(body: Buffer | string, secret = SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('base64')}`;
}

describe('X adapter: Account Activity webhook', () => {
  const env = new TestEnvironment('x_webhook');
  let fake: FakeXServer;
  let x: RunningX;
  let tap: TopicTap;

  beforeAll(async () => {
    fake = await FakeXServer.start(ACCOUNT);
    x = await startTestX(env, fake.url, {
      X_USER_ID: ACCOUNT,
      X_CONSUMER_SECRET: SECRET,
      X_POLLING_ENABLED: 'false',
    });
    tap = await TopicTap.start(env);
  }, 60_000);

  afterAll(async () => {
    await x?.close();
    await fake?.close();
    await tap?.stop();
    await env.destroy();
  }, 60_000);

  function post(body: Buffer | string, signature?: string): Promise<Response> {
    return fetch(`${x.url}/webhooks/x`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(signature ? { 'x-twitter-webhooks-signature': signature } : {}),
      },
      body,
    });
  }

  it('answers the CRC challenge with the HMAC-SHA256 of the token under the consumer secret', async () => {
    const token = 'Y2hhbGxlbmdlLTE3OTU=';
    const res = await fetch(`${x.url}/webhooks/x?crc_token=${encodeURIComponent(token)}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      response_token: `sha256=${createHmac('sha256', SECRET).update(token).digest('base64')}`,
    });
    expect((await fetch(`${x.url}/webhooks/x`)).status).toBe(400);
  });

  it("takes in every signed delivery, and only the customers' mentions and DMs", async () => {
    const vectors = signatureVectors();
    expect(vectors).toHaveLength(5);
    for (const vector of vectors) {
      const res = await post(vector.body, vector.signature);
      expect({ file: vector.bodyFile, status: res.status }).toEqual({
        file: vector.bodyFile,
        status: 200,
      });
    }
    // Our own DM and our own post (webhook1_*) are not customers writing to us.
    const expected = [
      'dm:1063077238797725700',
      'dm:1063077238797725701',
      'tweet:1065035365336141825',
    ];
    const messages = await intakeUntil(tap, 3);
    expect(messages.map((m) => m.sourceId).sort()).toEqual(expected);
    const longReply = messages.find((m) => m.sourceId === 'tweet:1065035365336141825')!;
    // The post came truncated: the whole text is in extended_tweet.
    expect(longReply.text.length).toBeGreaterThan(140);
    expect(longReply.metadata).toMatchObject({ xKind: 'mention', xVia: 'webhook' });
    const withPhoto = messages.find((m) => m.sourceId === 'dm:1063077238797725700')!;
    expect(withPhoto).toMatchObject({
      sender: { xUserId: '456', xHandle: 'medenhofer' },
      text: expect.stringContaining('Hello Zammad'),
      threading: { conversational: true, conversationId: '123-456' },
    });
    // Its photo lives on ton.twitter.com, out of reach here: the text still arrives, with a note.
    expect(withPhoto.metadata?.xMediaNote).toEqual(expect.stringContaining('not fetched'));
  });

  it('refuses a forged, a missing or a wrongly keyed signature with 401, and takes nothing in', async () => {
    const before = intakeMessages(tap).length;
    const [vector] = signatureVectors().filter((v) => v.bodyFile.startsWith('webhook3'));
    const forged = Buffer.from(
      vector.body.toString('utf8').replace('Hello again!', 'Hello again?'),
    );
    const attempts = [
      await post(forged, vector.signature),
      await post(vector.body),
      await post(vector.body, sign(vector.body, 'not-our-secret')),
      await post(vector.body, 'sha256=garbage'),
    ];
    expect(attempts.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    const problem = (await attempts[0].json()) as { code?: string };
    expect(problem.code).toBe('signature_invalid');
    // Accepted signed deliveries still come through after the forgeries.
    const fresh = corpusJson('zammad-aaa/webhook3_direct_message.json').params;
    fresh.direct_message_events[0].id = '1063077238797725799';
    fresh.direct_message_events[0].message_create.message_data.text = 'Sipariş 4411 hâlâ gelmedi';
    const body = JSON.stringify(fresh);
    expect((await post(body, sign(body))).status).toBe(200);
    const after = await intakeUntil(tap, before + 1);
    expect(after.map((m: InboundMessageV1) => m.sourceId)).toContain('dm:1063077238797725799');
    expect(after).toHaveLength(before + 1);
  });

  it('shows needs-auth when the account revokes the app', async () => {
    const revoke = corpusJson('aaa-user-event-revoke.json');
    revoke.user_event.revoke.source.user_id = ACCOUNT;
    const body = JSON.stringify(revoke);
    expect((await post(body, sign(body))).status).toBe(200);
    const revoked = await beat(
      tap,
      (b) => b.channelAccount === ACCOUNT && b.state === 'needs-auth',
    );
    expect(revoked).toMatchObject({
      detail: 'access-revoked',
      lastError: { code: 'x_access_revoked' },
    });
  });
});
