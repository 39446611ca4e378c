import { formatReference, type InboundMessageV1 } from '@app/contracts';
import { randomUUID } from 'node:crypto';
import { NearDuplicateDetector } from '../../duplicates/near-duplicate.detector';
import { emailThreadKey, IntakeContext, type CaseSnapshot } from './intake-context';
import { IntakeDecider } from './intake-decider';

const HOUR = 3_600_000;
const detector = new NearDuplicateDetector();
const decider = new IntakeDecider(
  { referencePrefix: 'KM', conversationWindowMs: 2 * HOUR, duplicateWindowMs: 7 * 24 * HOUR },
  detector,
);
const at = new Date('2026-11-23T10:00:00+03:00');

function message(overrides: Partial<InboundMessageV1> = {}): InboundMessageV1 {
  const id = randomUUID();
  return {
    schemaVersion: 1,
    messageId: id,
    channel: 'web-form',
    channelAccount: 'default',
    sourceId: id,
    receivedAt: at.toISOString(),
    sender: { phone: '+905321112233' },
    text: 'Bakırköy mağazasında aldığım 482913 numaralı siparişteki ütü ilk kullanımda yandı.',
    attachments: [],
    ...overrides,
  };
}

function existingCase(overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    id: randomUUID(),
    reference: formatReference('KM', 2026, 17),
    customerId: 'ayse',
    channel: 'web-form',
    status: 'in_progress',
    lastMessageAt: new Date(at.getTime() - HOUR),
    ...overrides,
  };
}

function decide(m: InboundMessageV1, customerId: string, context: IntakeContext) {
  return decider.decide(
    { message: m, customerId, fingerprint: detector.fingerprint(m.text) },
    context,
  );
}

describe('IntakeDecider', () => {
  it("attaches a message quoting the sender's own reference number", () => {
    const context = new IntakeContext();
    const own = existingCase();
    context.addCase(own);
    expect(
      decide(
        message({ text: `${own.reference} hakkında ek bilgi gönderiyorum.` }),
        'ayse',
        context,
      ),
    ).toEqual({ kind: 'attach', caseId: own.id, via: 'reference' });
  });

  it("opens a stranger's own case, related to the one they quote", () => {
    const context = new IntakeContext();
    const theirs = existingCase();
    context.addCase(theirs);
    expect(
      decide(
        message({ text: `${theirs.reference} numarasına benim de şikâyetim var.` }),
        'mehmet',
        context,
      ),
    ).toEqual({ kind: 'open', relatedCaseIds: [theirs.id] });
  });

  it('ignores reference numbers of another prefix or with a wrong check digit', () => {
    const context = new IntakeContext();
    const own = existingCase();
    context.addCase(own);
    const wrongDigit = own.reference.slice(0, -1) + ((Number(own.reference.slice(-1)) + 1) % 10);
    expect(decide(message({ text: `numaram ${wrongDigit}` }), 'ayse', context).kind).toBe('open');
    expect(
      decide(message({ text: `numaram ${own.reference.replace('KM', 'XY')}` }), 'ayse', context)
        .kind,
    ).toBe('open');
  });

  it('threads an e-mail by any Message-ID of its References, from anyone', () => {
    const context = new IntakeContext();
    const thread = existingCase({ channel: 'email' });
    context.addCase(thread);
    context.addThreadKey(emailThreadKey('<Original@Mail.Example>'), thread.id);
    const reply = message({
      channel: 'email',
      sourceId: '<reply@x>',
      sender: { email: 'someone@example.com' },
      threading: { references: ['<other@x>', '<original@mail.example>'] },
    });
    expect(decide(reply, 'someone', context)).toEqual({
      kind: 'attach',
      caseId: thread.id,
      via: 'email_thread',
    });
  });

  it('continues a chat only within the window and only while the case is open', () => {
    const context = new IntakeContext();
    const chat = existingCase({ channel: 'whatsapp' });
    context.addCase(chat);
    const again = message({
      channel: 'whatsapp',
      sender: { whatsappId: '905321112233' },
      text: 'Ek olarak faturanın fotoğrafını atıyorum.',
    });
    expect(decide(again, 'ayse', context)).toEqual({
      kind: 'attach',
      caseId: chat.id,
      via: 'conversation',
    });
    expect(
      decide(
        { ...again, receivedAt: new Date(at.getTime() + 2 * HOUR).toISOString() },
        'ayse',
        context,
      ).kind,
    ).toBe('open');
    chat.status = 'closed';
    expect(decide(again, 'ayse', context).kind).toBe('open');
  });

  it('links the same complaint again on another channel, within the window, to the open case', () => {
    const context = new IntakeContext();
    const original = existingCase({ channel: 'web-form' });
    context.addCase(original);
    const first = message();
    context.addSignature('ayse', {
      caseId: original.id,
      receivedAt: at,
      signature: detector.fingerprint(first.text),
    });
    const again = message({
      channel: 'call-center',
      text: 'Bakırköy mağazasından aldığı 482913 numaralı siparişteki ütü ilk kullanımda yanmış.',
    });
    expect(decide(again, 'ayse', context)).toMatchObject({
      kind: 'duplicate',
      caseId: original.id,
    });
    expect(
      decide(
        { ...again, receivedAt: new Date(at.getTime() + 8 * 24 * HOUR).toISOString() },
        'ayse',
        context,
      ).kind,
    ).toBe('open');
    expect(decide(again, 'mehmet', context).kind).toBe('open');
  });
});
