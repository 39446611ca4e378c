import { randomUUID } from 'node:crypto';
import { decodePayload, validatePayload } from './contract-validator';
import { inboundMessageKey, type InboundMessageV1Input } from './inbound-message.v1';
import { Topics } from './topics';

function envelope(overrides: Partial<InboundMessageV1Input> = {}): InboundMessageV1Input {
  return {
    schemaVersion: 1,
    messageId: randomUUID(),
    channel: 'web-form',
    channelAccount: 'default',
    sourceId: randomUUID(),
    receivedAt: '2026-11-20T10:15:00.000+03:00',
    sender: { name: 'Ayşe', surname: 'Yılmaz', phone: '+905321234567' },
    text: 'Kadıköy şubesinde iade talebim reddedildi.',
    declaredType: 'complaint',
    ...overrides,
  };
}

describe('inbound message envelope v1', () => {
  it('accepts a complete envelope and fills defaults', () => {
    const result = validatePayload(Topics.IntakeMessages, envelope());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.attachments).toEqual([]);
  });

  it('names every wrong field by its path', () => {
    const result = validatePayload(Topics.IntakeMessages, {
      ...envelope(),
      messageId: 'not-a-uuid',
      channel: 'fax',
      sender: { phone: '05321234567' },
      receivedAt: 'yesterday',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('contract_violation');
    expect(result.issues.map((i) => i.path).sort()).toEqual(
      ['channel', 'messageId', 'receivedAt', 'sender.phone'].sort(),
    );
  });

  it('requires a sender identity to key and thread on', () => {
    const result = validatePayload(Topics.IntakeMessages, envelope({ sender: { name: 'Ayşe' } }));
    expect(result).toMatchObject({ ok: false, issues: [{ path: 'sender' }] });
  });

  it('rejects the wrong schema version instead of guessing', () => {
    const result = validatePayload(Topics.IntakeMessages, { ...envelope(), schemaVersion: 2 });
    expect(result).toMatchObject({ ok: false, issues: [{ path: 'schemaVersion' }] });
  });

  it('decodes bytes and reports malformed JSON and empty messages separately', () => {
    expect(decodePayload(Topics.IntakeMessages, Buffer.from(JSON.stringify(envelope()))).ok).toBe(
      true,
    );
    expect(decodePayload(Topics.IntakeMessages, Buffer.from('{"schemaVersion":1,'))).toMatchObject({
      ok: false,
      reason: 'malformed_json',
    });
    expect(decodePayload(Topics.IntakeMessages, null)).toMatchObject({
      ok: false,
      reason: 'malformed_json',
    });
  });

  it('keys by channel and sender so one customer stays on one partition', () => {
    expect(inboundMessageKey(envelope())).toBe('web-form:+905321234567');
    expect(
      inboundMessageKey(envelope({ channel: 'email', sender: { email: 'Ayse@Example.COM' } })),
    ).toBe('email:ayse@example.com');
  });
});
