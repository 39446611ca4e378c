import { ConfigException } from '@app/platform';
import { loadXConfig, X_ENV_VARIABLES } from './x.config';

const base = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x',
  KAFKA_BROKERS: '127.0.0.1:9092',
  X_CONSUMER_KEY: 'key',
  X_CONSUMER_SECRET: 'secret',
  X_USER_ID: '2244994945',
  METRICS_TOKEN: 'metrics-token-of-the-test',
};

describe('X adapter configuration', () => {
  it('takes OAuth 1.0a user credentials', () => {
    const config = loadXConfig({ ...base, X_ACCESS_TOKEN: 't', X_ACCESS_SECRET: 's' });
    expect(config.credentials).toEqual({
      kind: 'oauth1',
      consumerKey: 'key',
      consumerSecret: 'secret',
      accessToken: 't',
      accessSecret: 's',
    });
    expect(config.port).toBe(3004);
    expect(config.apiUrl).toBe('https://api.x.com');
  });

  it('takes an OAuth 2.0 user token instead', () => {
    expect(loadXConfig({ ...base, X_OAUTH2_ACCESS_TOKEN: 'bearer' }).credentials.kind).toBe(
      'oauth2',
    );
  });

  it('takes a refresh token with the OAuth 2.0 client, or a token file, never both', () => {
    const refreshing = loadXConfig({
      ...base,
      X_OAUTH2_ACCESS_TOKEN: 'a',
      X_OAUTH2_REFRESH_TOKEN: 'r',
      X_OAUTH2_CLIENT_ID: 'cid',
      X_OAUTH2_CLIENT_SECRET: 'csecret',
    });
    expect(refreshing.credentials).toMatchObject({
      kind: 'oauth2',
      seed: { accessToken: 'a', refreshToken: 'r' },
      client: { id: 'cid', secret: 'csecret' },
    });
    expect(refreshing.authRetryMs).toBe(300_000);
    expect(
      loadXConfig({ ...base, X_OAUTH2_TOKEN_FILE: '/run/secrets/x-token.json' }).credentials,
    ).toMatchObject({ kind: 'oauth2', seed: { file: '/run/secrets/x-token.json' } });
    expect(() => loadXConfig({ ...base, X_OAUTH2_REFRESH_TOKEN: 'r' })).toThrow(
      /X_OAUTH2_CLIENT_ID/,
    );
    expect(() =>
      loadXConfig({ ...base, X_OAUTH2_TOKEN_FILE: '/t.json', X_OAUTH2_ACCESS_TOKEN: 'a' }),
    ).toThrow(/X_OAUTH2_TOKEN_FILE/);
  });

  it('fails at boot, naming the variable, without user credentials or with half a pair', () => {
    expect(() => loadXConfig(base)).toThrow(ConfigException);
    expect(() => loadXConfig({ ...base, X_ACCESS_TOKEN: 't' })).toThrow(/X_ACCESS_SECRET/);
    expect(() =>
      loadXConfig({
        ...base,
        X_ACCESS_TOKEN: 't',
        X_ACCESS_SECRET: 's',
        X_OAUTH2_ACCESS_TOKEN: 'b',
      }),
    ).toThrow(/not both/);
    expect(() =>
      loadXConfig({ ...base, X_OAUTH2_ACCESS_TOKEN: 'b', X_USER_ID: '@XDevelopers' }),
    ).toThrow(/X_USER_ID/);
  });

  it('lists every variable it reads', () => {
    expect(X_ENV_VARIABLES).toEqual(
      expect.arrayContaining([
        'X_PORT',
        'X_HOST',
        'X_API_URL',
        'X_ACCESS_SECRET',
        'X_OAUTH2_ACCESS_TOKEN',
      ]),
    );
  });
});
