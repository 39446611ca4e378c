import type { InboundMessageV1 } from '@app/contracts';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeXServer } from '../support/x/fake-x-server';
import { intakeUntil, startTestX, type RunningX } from '../support/x/x-app';
import { TestEnvironment } from '../support/test-environment';
import { TopicTap } from '../support/x/topic-tap';

let accountSeq = 0;
function accountId(): string {
  return `7400${Date.now() % 1_000_000}${accountSeq++}`;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('X adapter: media of mentions and DMs into the blob store', () => {
  const env = new TestEnvironment('x_media');
  const fakes: FakeXServer[] = [];
  const apps: RunningX[] = [];
  let tap: TopicTap;

  afterAll(async () => {
    for (const app of apps) await app.close().catch(() => undefined);
    for (const fake of fakes) await fake.close();
    await tap?.stop();
    await env.destroy();
  }, 60_000);

  it('keeps a mention photo (public, fetched without credentials) and a DM photo (with them), and notes a medium over the limit without losing its message', async () => {
    const fake = await FakeXServer.start(accountId());
    fakes.push(fake);
    const account = fake.data.accountId;
    const customer = fake.user('ece_b', 'Ece Bulut');
    const photo = Buffer.from('public photo bytes of a broken parcel');
    const dmPhoto = Buffer.from('private photo bytes of an invoice');
    const big = Buffer.alloc(4096, 7);
    fake.servePublicMedia('3_100', 'photo', photo, 'image/jpeg');
    fake.servePublicMedia('7_101', 'video', big, 'video/mp4');
    fake.serveMedia('3_200', 'photo', dmPhoto, 'image/png');
    const mention = fake.data.addMention(customer, '@XDevelopers kutu ezik geldi', {
      attachments: { media_keys: ['3_100'] },
    });
    const video = fake.data.addMention(customer, '@XDevelopers videosu burada', {
      attachments: { media_keys: ['7_101'] },
    });
    const dm = fake.data.addDm(customer, 'Faturam ekte', {
      attachments: { media_keys: ['3_200'] },
    });

    const blobDir = mkdtempSync(join(tmpdir(), 'x-media-blobs-'));
    const x = await startTestX(env, fake.url, {
      X_USER_ID: account,
      X_PAGE_SIZE: '5',
      X_WEBHOOK_ENABLED: 'false',
      BLOB_MAX_BYTES: '1024',
      BLOB_STORE_DIR: blobDir,
    });
    apps.push(x);
    tap ??= await TopicTap.start(env);
    const messages = await intakeUntil(tap, 3, (m) => m.channelAccount === account);
    const by = (id: string) => messages.find((m) => m.sourceId === id) as InboundMessageV1;

    expect(by(`tweet:${mention.id}`).attachments).toEqual([
      expect.objectContaining({
        sha256: sha256(photo),
        size: photo.length,
        contentType: 'image/jpeg',
      }),
    ]);
    expect(by(`dm:${dm.id}`).attachments).toEqual([
      expect.objectContaining({ sha256: sha256(dmPhoto), contentType: 'image/png' }),
    ]);
    // Too large: the message comes all the same, with the reason for what it lacks.
    expect(by(`tweet:${video.id}`).attachments).toEqual([]);
    expect(by(`tweet:${video.id}`).metadata?.xMediaNote).toBe(
      'video 7_101: not fetched (media_too_large)',
    );
    // The mention was asked for with its media expanded, and the CDN never saw our token.
    expect(fake.callsTo('mentions')[0].query).toMatchObject({
      expansions: expect.stringContaining('attachments.media_keys'),
      'media.fields': expect.stringMatching(/url.*variants|variants.*url/),
    });
    const cdn = fake.callsTo('public_media');
    expect(cdn.length).toBeGreaterThanOrEqual(2);
    expect(cdn.every((r) => r.token === undefined)).toBe(true);
    expect(fake.callsTo('media')[0].token).toBe('token-a');
    // Claim check: the bytes are in the blob store under their digest.
    const stored = (b: Buffer) =>
      readFileSync(join(blobDir, sha256(b).slice(0, 2), sha256(b).slice(2, 4), sha256(b)));
    expect(stored(photo).equals(photo)).toBe(true);
    expect(stored(dmPhoto).equals(dmPhoto)).toBe(true);
  }, 40_000);
});
