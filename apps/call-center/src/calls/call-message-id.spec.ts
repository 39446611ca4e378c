import { callMessageId, uuidV5 } from './call-message-id';

describe('call message ids', () => {
  it('computes UUID v5 as RFC 9562 does', () => {
    // RFC 9562, appendix A.4: the DNS namespace and "www.example.com".
    const dns = Buffer.from('6ba7b8109dad11d180b400c04fd430c8', 'hex');
    expect(uuidV5(dns, 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('gives every delivery of a call the same id, and other calls or accounts another', () => {
    const id = callMessageId('genesys', 'CC-1');
    expect(callMessageId('genesys', 'CC-1')).toBe(id);
    expect(callMessageId('genesys', 'CC-2')).not.toBe(id);
    expect(callMessageId('avaya', 'CC-1')).not.toBe(id);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
