import { randomBytes } from 'node:crypto';

export interface IssuedTokens {
  token_type: 'bearer';
  expires_in: number;
  access_token: string;
  scope: string;
  refresh_token: string;
}

export interface TokenCall {
  refreshToken?: string;
  contentType?: string;
  status: number;
}

interface Answer {
  status: number;
  body: unknown;
}

const SCOPE = 'tweet.read tweet.write users.read dm.read dm.write offline.access';

/** X's OAuth 2.0 error answers: `error` and `error_description`, not a problem object. */
const invalid = (description: string): Answer => ({
  status: 400,
  body: { error: 'invalid_request', error_description: description },
});

/**
 * X's OAuth 2.0 user tokens as documented: `POST /2/oauth2/token` with a form-encoded body,
 * `grant_type=refresh_token`, the client authenticated by Basic auth (a confidential client);
 * the answer is a new access token for `expires_in` seconds and a new refresh token. A refresh
 * token works once: using it again is refused, as X does.
 */
export class FakeXOAuth2 {
  readonly calls: TokenCall[] = [];
  /** Lifetime of the access tokens issued from now on, in seconds (X's is 7200). */
  lifetimeSeconds = 7200;
  private readonly access = new Map<string, number>();
  private readonly refresh = new Map<string, 'valid' | 'used'>();

  constructor(
    readonly clientId: string,
    readonly clientSecret: string,
  ) {}

  /** A pair as the authorization flow would give it to the operator. */
  issue(): IssuedTokens {
    const tokens: IssuedTokens = {
      token_type: 'bearer',
      expires_in: this.lifetimeSeconds,
      access_token: `at-${randomBytes(12).toString('base64url')}`,
      scope: SCOPE,
      refresh_token: `rt-${randomBytes(12).toString('base64url')}`,
    };
    this.access.set(tokens.access_token, Date.now() + this.lifetimeSeconds * 1000);
    this.refresh.set(tokens.refresh_token, 'valid');
    return tokens;
  }

  /** Whether X takes this bearer token: issued by us and not expired. */
  accepts(bearer: string | undefined): boolean {
    const until = bearer ? this.access.get(bearer) : undefined;
    return until !== undefined && until > Date.now();
  }

  /** The refresh tokens issued and not yet used, newest last. */
  liveRefreshTokens(): string[] {
    return [...this.refresh].filter(([, state]) => state === 'valid').map(([token]) => token);
  }

  token(contentType: string | undefined, authorization: string | undefined, raw: Buffer): Answer {
    const answer = this.answer(contentType, authorization, raw);
    const refreshToken =
      contentType?.startsWith('application/x-www-form-urlencoded') === true
        ? (new URLSearchParams(raw.toString('utf8')).get('refresh_token') ?? undefined)
        : undefined;
    this.calls.push({ refreshToken, contentType, status: answer.status });
    return answer;
  }

  private answer(contentType: string | undefined, authorization: string | undefined, raw: Buffer) {
    const basic = `Basic ${Buffer.from(`${this.clientId}:${this.clientSecret}`).toString('base64')}`;
    if (authorization !== basic) {
      return {
        status: 401,
        body: {
          error: 'unauthorized_client',
          error_description: 'Missing valid authorization header',
        },
      };
    }
    if (!contentType?.startsWith('application/x-www-form-urlencoded')) {
      return invalid('Missing required parameter [grant_type].');
    }
    const form = new URLSearchParams(raw.toString('utf8'));
    if (form.get('grant_type') !== 'refresh_token')
      return invalid('Missing required parameter [grant_type].');
    const presented = form.get('refresh_token') ?? '';
    if (this.refresh.get(presented) !== 'valid') {
      return invalid('Value passed for the token was invalid.');
    }
    this.refresh.set(presented, 'used');
    return { status: 200, body: this.issue() };
  }
}
