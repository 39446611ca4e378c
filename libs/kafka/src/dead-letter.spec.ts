import { DeadLetterV1Schema } from '@app/contracts';
import { channelDeadLetter, failureReason } from './dead-letter';

describe('channelDeadLetter', () => {
  const reason = failureReason('contract_violation', 'the envelope breaks its contract');
  const base = {
    service: 'x',
    channel: 'x' as const,
    channelAccount: '1234567890',
    reason,
    attempts: 0,
  };
  const common = {
    schemaVersion: 1,
    deadLetterId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    failedAt: expect.any(String),
    service: 'x',
    reason: { code: 'contract_violation', message: 'the envelope breaks its contract' },
  };

  it('names the channel, account and source id, in the contract order', () => {
    const letter = channelDeadLetter({ ...base, sourceId: '1789', payload: '{"id":"1789"}' });
    expect(letter).toStrictEqual({
      ...common,
      source: { kind: 'channel', channel: 'x', channelAccount: '1234567890', sourceId: '1789' },
      payload: { encoding: 'utf8', data: '{"id":"1789"}' },
      attempts: 0,
    });
    expect(Object.keys(letter)).toEqual([
      'schemaVersion',
      'deadLetterId',
      'failedAt',
      'service',
      'reason',
      'source',
      'payload',
      'attempts',
    ]);
    expect(DeadLetterV1Schema.safeParse(letter).success).toBe(true);
  });

  it('leaves out a missing or empty source id', () => {
    const source = { kind: 'channel', channel: 'x', channelAccount: '1234567890' };
    expect(channelDeadLetter({ ...base, payload: 'x' }).source).toStrictEqual(source);
    expect(channelDeadLetter({ ...base, sourceId: '', payload: 'x' }).source).toStrictEqual(source);
  });

  it('keeps UTF-8 bytes as text and other bytes as base64', () => {
    const text = Buffer.from('{"text":"Siparişim gelmedi"}');
    expect(channelDeadLetter({ ...base, payload: text }).payload).toStrictEqual({
      encoding: 'utf8',
      data: '{"text":"Siparişim gelmedi"}',
    });
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x41]);
    expect(channelDeadLetter({ ...base, payload: bytes }).payload).toStrictEqual({
      encoding: 'base64',
      data: '//4AQQ==',
    });
  });

  it('takes an encoded payload as given, and headers when there are any', () => {
    const letter = channelDeadLetter({
      ...base,
      service: 'email',
      channel: 'email',
      channelAccount: 'sikayet@ornekmagaza.com.tr',
      sourceId: '<a1@example.com>',
      payload: { encoding: 'base64', data: 'RnJvbTogYQ==' },
      headers: { imapUid: '7', uidValidity: '1' },
      attempts: 1,
    });
    expect(letter).toStrictEqual({
      ...common,
      service: 'email',
      source: {
        kind: 'channel',
        channel: 'email',
        channelAccount: 'sikayet@ornekmagaza.com.tr',
        sourceId: '<a1@example.com>',
      },
      payload: { encoding: 'base64', data: 'RnJvbTogYQ==' },
      headers: { imapUid: '7', uidValidity: '1' },
      attempts: 1,
    });
    expect(Object.keys(letter).slice(-3)).toEqual(['payload', 'headers', 'attempts']);
    expect(DeadLetterV1Schema.safeParse(letter).success).toBe(true);
  });
});
