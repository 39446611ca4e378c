import type { ChannelHealthReporter } from '@app/adapter-kit';
import type { BlobStore } from '@app/blob-store';
import { Topics } from '@app/contracts';
import { EventPublisher, KafkaException, type Publication } from '@app/kafka';
import { GatewayMetrics } from '@app/metrics';
import { createHash } from 'node:crypto';
import type { EmailConfig } from '../../config/email.config';
import type { MailboxConfig } from '../../config/mailbox-config';
import type { OutboundMailRepository } from '../../replies/outbound-mail.repository';
import { TakeInMail } from './take-in-mail.usecase';

const mailbox: MailboxConfig = {
  address: 'sikayet@ornekmagaza.com.tr',
  host: '127.0.0.1',
  port: 993,
  secure: true,
  auth: { kind: 'password', user: 'sikayet', password: 'secret' },
  path: 'INBOX',
  initialSync: 'all',
};

const mail = Buffer.from(
  [
    'From: Derya Aksoy <derya.aksoy@example.com>',
    'To: sikayet@ornekmagaza.com.tr',
    'Subject: Kargo gelmedi',
    'Message-ID: <a1@example.com>',
    'Date: Tue, 01 Dec 2026 10:00:00 +0300',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Siparişim iki haftadır gelmedi.',
    '',
  ].join('\r\n'),
);

function setUp(refuse: (p: Publication) => boolean) {
  const published: Publication[] = [];
  const publisher = {
    publishAll: (list: readonly Publication[]) => {
      if (list.some(refuse)) {
        return Promise.reject(
          new KafkaException('contract_violation', 'payload breaks its contract', false),
        );
      }
      published.push(...list);
      return Promise.resolve();
    },
  } as unknown as EventPublisher;
  const blobs: BlobStore = {
    put: (bytes) =>
      Promise.resolve({
        sha256: createHash('sha256').update(bytes).digest('hex'),
        size: bytes.length,
      }),
    get: () => Promise.resolve(undefined),
    has: () => Promise.resolve(false),
    delete: () => Promise.resolve(false),
  };
  const health = { received: jest.fn() } as unknown as ChannelHealthReporter;
  const config = {
    mailboxes: [mailbox],
    intake: { parseTimeoutMs: 5_000, fallbackCharset: 'windows-1254', stripQuoted: true },
  } as unknown as EmailConfig;
  const takeIn = new TakeInMail(
    config,
    blobs,
    publisher,
    {} as OutboundMailRepository,
    health,
    new GatewayMetrics(),
  );
  return { takeIn, published };
}

describe('TakeInMail', () => {
  const position = { uid: 7, uidValidity: '1' };

  it('publishes a customer mail as its envelope', async () => {
    const { takeIn, published } = setUp(() => false);
    expect(await takeIn.execute(mailbox, mail, position)).toBe('message');
    expect(published.map((p) => p.topic)).toEqual([Topics.IntakeMessages]);
  });

  it('dead-letters a mail whose envelope Kafka refuses for good, so the mails behind it go on', async () => {
    const { takeIn, published } = setUp((p) => p.topic === Topics.IntakeMessages);
    expect(await takeIn.execute(mailbox, mail, position)).toBe('dead_letter');
    expect(published).toHaveLength(1);
    expect(published[0].topic).toBe(Topics.DeadLetters);
    expect(published[0].payload).toMatchObject({
      reason: { code: 'envelope_rejected' },
      source: { channel: 'email', sourceId: '<a1@example.com>' },
      headers: { imapUid: '7' },
    });
  });

  it('dead-letters a mail over the size limit from its headers, saying it stays on the server', async () => {
    const { takeIn, published } = setUp(() => false);
    const headers = mail.subarray(0, mail.indexOf('\r\n\r\n') + 4);
    expect(await takeIn.execute(mailbox, headers, position, 80_000_000)).toBe('dead_letter');
    expect(published.map((p) => p.topic)).toEqual([Topics.DeadLetters]);
    expect(published[0].payload).toMatchObject({
      reason: { code: 'mail_too_large' },
      source: { sourceId: '<a1@example.com>' },
    });
    expect(JSON.stringify(published[0].payload)).toContain('80000000 bytes');
  });
});
