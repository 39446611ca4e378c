import type { DeadLetterV1, InboundMessageV1 } from '@app/contracts';
import { TestEnvironment } from '../support/test-environment';
import { TestDovecot } from '../support/email/dovecot';
import {
  emailDeadLetters,
  emailIntake,
  MAILBOX,
  startTestEmail,
  type RunningEmail,
} from '../support/email/email-app';
import { eventually } from '../support/kafka-helpers';
import { zammadFixtures } from '../support/email/zammad-corpus';

/**
 * Where we read a mail differently from Zammad's fixture, and why ours is what the customer
 * wrote. Every other expectation of the fixtures must hold exactly.
 */
const OUR_READING: Record<string, { fromEmail?: string; fromDisplayName?: string }> = {
  // The raw GBK bytes of the From name, which Zammad's fixture shows read as ISO-8859-2 mojibake.
  mail046: { fromDisplayName: '武兰成' },
  // `=?iso-8859-1?Q?B=FCrling,=20Andreas?=`: one encoded word; Zammad splits it at the comma.
  mail065: { fromDisplayName: 'Bürling, Andreas' },
  // `From: Test test@example.com`: the address is test@example.com, "Test" is the name.
  mail087: { fromEmail: 'test@example.com', fromDisplayName: 'Test' },
};

/** Mails that must not become messages, and the reason each must carry. */
const DEAD_LETTERED: Record<string, string> = {
  'mail033-undelivered-mail-returned-to-sender-notification': 'delivery_report',
  mail052: 'delivery_report',
  mail055: 'delivery_report',
  mail078: 'delivery_report',
  mail092: 'delivery_report',
  mail089: 'auto_reply', // Auto-Submitted: auto-generated
  mail090: 'auto_reply',
  mail071: 'sender_invalid', // "power quadrant system@example.com" is no address
  mail076: 'sender_invalid', // '"Millions Lottery Spain transfer"@example.com>'
  mail081: 'sender_invalid', // redacted@redacted has no domain we could answer
  mail117: 'sender_invalid', // encoded word inside the address: a spoofing trick
  mail118: 'sender_invalid',
};

/** `name@example.com.` is the same mailbox as `name@example.com`. */
const canonical = (address: string) => address.replace(/\.$/, '');

describe("Zammad's real-world mail corpus through Dovecot", () => {
  const env = new TestEnvironment('email_corpus');
  const dovecot = new TestDovecot([MAILBOX]);
  const fixtures = zammadFixtures();
  let email: RunningEmail;
  let byUid: Map<number, { message?: InboundMessageV1; letters: DeadLetterV1[]; messages: number }>;

  beforeAll(async () => {
    await dovecot.start();
    const uids = await dovecot.append(
      MAILBOX,
      fixtures.map((f) => f.raw),
    );
    expect(uids).toEqual(fixtures.map((_, i) => i + 1));
    email = await startTestEmail(env, dovecot, undefined, { EMAIL_FETCH_BATCH: '20' });
    byUid = await eventually(
      async () => {
        const [messages, letters] = await Promise.all([emailIntake(env), emailDeadLetters(env)]);
        if (messages.length + letters.length < fixtures.length) return undefined;
        const map = new Map<
          number,
          { message?: InboundMessageV1; letters: DeadLetterV1[]; messages: number }
        >();
        const entry = (uid: number) =>
          map.get(uid) ?? map.set(uid, { letters: [], messages: 0 }).get(uid)!;
        for (const m of messages) {
          const e = entry(Number(m.metadata?.imapUid));
          e.message = m;
          e.messages++;
        }
        for (const d of letters) entry(Number(d.headers?.imapUid)).letters.push(d);
        return map;
      },
      60_000,
      `${fixtures.length} mails taken in`,
    );
  }, 120_000);

  afterAll(async () => {
    await email?.close();
    await dovecot.destroy();
    await env.destroy();
  }, 60_000);

  it('ends every mail as exactly one message or one dead letter with a reason', () => {
    const outcomes = fixtures.map((f, i) => {
      const taken = byUid.get(i + 1);
      return { name: f.name, messages: taken?.messages ?? 0, letters: taken?.letters.length ?? 0 };
    });
    expect(outcomes.filter((o) => o.messages + o.letters !== 1)).toEqual([]);
    const dead = Object.fromEntries(
      fixtures.flatMap((f, i) => {
        const letter = byUid.get(i + 1)?.letters[0];
        return letter ? [[f.name, letter.reason.code]] : [];
      }),
    );
    expect(dead).toEqual(DEAD_LETTERED);
    for (const [, taken] of byUid) {
      for (const letter of taken.letters) expect(letter.reason.message.length).toBeGreaterThan(10);
    }
  });

  it('decodes sender and subject as the fixtures expect, in every charset', () => {
    const mismatches: string[] = [];
    fixtures.forEach((f, i) => {
      const message = byUid.get(i + 1)?.message;
      if (!message) return;
      const expected = { ...f.expected, ...OUR_READING[f.name] };
      const check = (field: string, got: string | undefined, want: string | undefined) => {
        if (want !== undefined && got !== want)
          mismatches.push(`${f.name} ${field}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
      };
      check(
        'from',
        canonical(message.sender.email ?? ''),
        expected.fromEmail && canonical(expected.fromEmail),
      );
      check('name', message.sender.displayName ?? '', expected.fromDisplayName);
      // The envelope caps a subject at 998 characters (mail017's runs past 1,100).
      check('subject', message.subject ?? '', expected.subject?.slice(0, 998));
    });
    expect(mismatches).toEqual([]);
  });

  it('keeps the raw mail and the attachments in the blob store by claim check', () => {
    const withAttachments = fixtures
      .map((f, i) => ({ name: f.name, message: byUid.get(i + 1)?.message }))
      .filter((x) => (x.message?.attachments.length ?? 0) > 0);
    // mail024 carries a CSV, mail026 a text file, mail042 the encrypted PGP part, mail081 a UTF-8 named file.
    expect(withAttachments.map((x) => x.name)).toEqual(
      expect.arrayContaining(['mail024', 'mail026', 'mail042']),
    );
    for (const { message } of withAttachments) {
      for (const a of message!.attachments) expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    for (const [, taken] of byUid) {
      const sha = taken.message?.metadata?.rawSha256 ?? taken.letters[0]?.headers?.rawSha256;
      expect(sha).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});
