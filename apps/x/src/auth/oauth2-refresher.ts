import { Inject, Injectable } from '@nestjs/common';
import { ApiResponseError, TwitterApi } from 'twitter-api-v2';
import { xClientSettings } from '../client/x-client.settings';
import { X_CONFIG, type XConfig } from '../config/x.config';
import type { StoredTokens } from './oauth2-token.repository';
import { XAuthException } from './x-auth.exception';

/** `POST /2/oauth2/token` with `grant_type=refresh_token`, as the app's OAuth 2.0 client. */
@Injectable()
export class OAuth2Refresher {
  private readonly client?: TwitterApi;

  constructor(@Inject(X_CONFIG) config: XConfig) {
    const c = config.credentials;
    if (c.kind === 'oauth2' && c.client) {
      this.client = new TwitterApi(
        { clientId: c.client.id, ...(c.client.secret ? { clientSecret: c.client.secret } : {}) },
        xClientSettings(config.apiUrl),
      );
    }
  }

  /**
   * The new pair for `current`. X refusing the refresh token (spent, revoked, another client's)
   * is an XAuthException; no answer or a 5xx is thrown as it is, to be retried.
   */
  async refresh(current: StoredTokens): Promise<StoredTokens> {
    if (!current.refreshToken) {
      throw new XAuthException('x_token_expired', 'the access token expired and no refresh token');
    }
    if (!this.client) {
      throw new XAuthException(
        'x_token_refresh_failed',
        'X_OAUTH2_CLIENT_ID is not set: the access token cannot be refreshed',
      );
    }
    try {
      const result = await this.client.refreshOAuth2Token(current.refreshToken);
      const now = Date.now();
      return {
        accessToken: result.accessToken,
        // Rotated: the one just used is spent. Should X send none, the old one is all we have.
        refreshToken: result.refreshToken ?? current.refreshToken,
        expiresAt: new Date(now + result.expiresIn * 1000),
        issuedAt: new Date(now),
        seed: current.seed,
      };
    } catch (error) {
      if (error instanceof ApiResponseError && error.code >= 400 && error.code < 500) {
        // `error` is an OAuth code such as invalid_request; its description is X's prose.
        const reason = typeof error.data?.error === 'string' ? ` (${error.data.error})` : '';
        throw new XAuthException(
          'x_token_refresh_failed',
          `X refused the refresh token: ${error.code}${reason}`.slice(0, 200),
          { cause: error },
        );
      }
      throw error;
    }
  }
}
