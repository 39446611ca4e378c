import { OutboundReceiptV1Schema } from '@app/contracts';
import { replyReceipt, type ReceiptSubject } from './reply-receipt';

describe('replyReceipt', () => {
  const reply: ReceiptSubject = {
    replyId: '0b7f5c3e-8a51-4b7a-9c55-3f1d2e6a9b10',
    caseId: '5d2c1a9e-4f3b-4e8d-a1c7-9b8e7f6d5c40',
    channel: 'email',
    channelAccount: 'sikayet@ornekmagaza.com.tr',
  };
  const common = {
    schemaVersion: 1,
    receiptId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    replyId: reply.replyId,
    caseId: reply.caseId,
    channel: 'email',
    channelAccount: 'sikayet@ornekmagaza.com.tr',
    at: expect.any(String),
  };

  it('reports a sent reply with its provider message id', () => {
    const receipt = replyReceipt(reply, { status: 'sent', providerMessageId: '<r1@example.com>' });
    expect(receipt).toStrictEqual({
      ...common,
      status: 'sent',
      providerMessageId: '<r1@example.com>',
    });
    expect(Object.keys(receipt)).toEqual([
      'schemaVersion',
      'receiptId',
      'replyId',
      'caseId',
      'channel',
      'channelAccount',
      'status',
      'at',
      'providerMessageId',
    ]);
    expect(OutboundReceiptV1Schema.safeParse(receipt).success).toBe(true);
  });

  it('leaves out a provider message id the channel did not give', () => {
    expect(replyReceipt(reply, { status: 'sent', providerMessageId: null })).toStrictEqual({
      ...common,
      status: 'sent',
    });
    expect(replyReceipt(reply, { status: 'sent', providerMessageId: '' })).toStrictEqual({
      ...common,
      status: 'sent',
    });
  });

  it('reports a failure with its error, and the attempt only when counted', () => {
    const error = { code: 'smtp_550', message: 'mailbox unavailable' };
    expect(replyReceipt(reply, { status: 'failed', error })).toStrictEqual({
      ...common,
      status: 'failed',
      error,
    });
    const counted = replyReceipt(reply, { status: 'failed', error, attempt: 3 });
    expect(counted).toStrictEqual({ ...common, status: 'failed', error, attempt: 3 });
    expect(Object.keys(counted).slice(-2)).toEqual(['error', 'attempt']);
  });

  it('reports an undeliverable reply with both the message id and the error', () => {
    const error = { code: '5.1.1', message: 'returned as undeliverable' };
    const receipt = replyReceipt(reply, {
      status: 'undeliverable',
      providerMessageId: '<r1@example.com>',
      error,
    });
    expect(receipt).toStrictEqual({
      ...common,
      status: 'undeliverable',
      providerMessageId: '<r1@example.com>',
      error,
    });
    expect(Object.keys(receipt).slice(-2)).toEqual(['providerMessageId', 'error']);
  });

  it('names the account and reply it is given', () => {
    const receipt = replyReceipt(
      {
        ...reply,
        replyId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
        channel: 'x',
        channelAccount: '42',
      },
      { status: 'sent', providerMessageId: '1789' },
    );
    expect(receipt).toMatchObject({
      replyId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      channel: 'x',
      channelAccount: '42',
    });
  });
});
