import { XApiUrlPlugin } from '../client/x-api-url.plugin';
import { refreshDue } from './x-user-credentials';

const NOW = 1_800_000_000_000;

describe('OAuth 2.0 token refresh timing', () => {
  it('refreshes a configured pair before first use: its expiry is unknown', () => {
    expect(refreshDue({ accessToken: 'a', refreshToken: 'r', seed: 's' }, NOW)).toBe(true);
  });

  it('refreshes 5 minutes before a 2-hour token expires, not earlier', () => {
    const issuedAt = new Date(NOW);
    const expiresAt = new Date(NOW + 7_200_000);
    const tokens = { accessToken: 'a', refreshToken: 'r', seed: 's', issuedAt, expiresAt };
    expect(refreshDue(tokens, NOW + 7_200_000 - 300_001)).toBe(false);
    expect(refreshDue(tokens, NOW + 7_200_000 - 300_000)).toBe(true);
  });

  it('never refreshes a token that came without a refresh token', () => {
    expect(refreshDue({ accessToken: 'a', seed: 's', expiresAt: new Date(0) }, NOW)).toBe(false);
  });
});

describe('requests to the token endpoint', () => {
  it('go form-encoded, as X documents, though twitter-api-v2 would send JSON', () => {
    const params = { url: 'https://api.x.com/2/oauth2/token', method: 'POST' as const };
    new XApiUrlPlugin('http://127.0.0.1:9').onBeforeRequestConfig({
      params,
      url: new URL(params.url),
      client: undefined as never,
    });
    expect(params).toMatchObject({
      url: 'http://127.0.0.1:9/2/oauth2/token',
      forceBodyMode: 'url',
    });
  });
});
