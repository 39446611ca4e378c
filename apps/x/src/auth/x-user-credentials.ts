import { Inject, Injectable, Logger } from '@nestjs/common';
import { XAccountStatus } from '../account/x-account-status';
import { X_CONFIG, type XConfig } from '../config/x.config';
import { configuredTokens } from './oauth2-seed';
import { OAuth2Refresher } from './oauth2-refresher';
import { OAuth2TokenRepository, type StoredTokens } from './oauth2-token.repository';
import { XAuthException } from './x-auth.exception';

/** Refresh this long before expiry (a tenth of a short lifetime), so no request meets it. */
const REFRESH_MARGIN_MS = 5 * 60_000;

const DETAIL: Record<string, string> = {
  x_token_file_invalid: 'token-file-invalid',
  x_token_expired: 'token-expired',
};

/** Whether the pair must be refreshed before it is used. */
export function refreshDue(tokens: StoredTokens, now = Date.now()): boolean {
  if (!tokens.refreshToken) return false;
  if (!tokens.expiresAt || !tokens.accessToken) return true;
  const expires = tokens.expiresAt.getTime();
  const lifetime = tokens.issuedAt ? expires - tokens.issuedAt.getTime() : REFRESH_MARGIN_MS * 10;
  return now >= expires - Math.min(REFRESH_MARGIN_MS, Math.max(0, lifetime) / 10);
}

/**
 * Our account's OAuth 2.0 user token. X's access tokens live two hours; with a refresh token the
 * pair is renewed before that, the new pair stored (refresh tokens are single-use and rotate)
 * so that a restart and the other instances use it. A refusal turns `access` to `needs-auth`;
 * `reload` reads the configuration and the store again, for when a person has acted.
 */
@Injectable()
export class XUserCredentials {
  private readonly logger = new Logger(XUserCredentials.name);
  private current?: StoredTokens;
  private pending?: Promise<StoredTokens>;

  constructor(
    @Inject(X_CONFIG) private readonly config: XConfig,
    private readonly tokens: OAuth2TokenRepository,
    private readonly refresher: OAuth2Refresher,
    private readonly status: XAccountStatus,
  ) {}

  /** The bearer token for the next request, refreshed first when due. */
  async accessToken(): Promise<string> {
    let tokens = this.current ?? (await this.once(() => this.load()));
    if (refreshDue(tokens)) {
      const stale = tokens.accessToken;
      tokens = await this.once(() => this.refresh(stale));
    }
    return tokens.accessToken;
  }

  /**
   * X refused `token` with a 401 before its expiry (revoked early): the next request refreshes.
   * True when that can help.
   */
  refused(token: string): boolean {
    if (this.current?.accessToken !== token || !this.current.refreshToken) return false;
    this.current = { ...this.current, expiresAt: new Date(0) };
    return true;
  }

  /** Whether the next request refreshes the token first (after `refused`, say). */
  refreshPending(): boolean {
    return this.current !== undefined && refreshDue(this.current);
  }

  /** Forgets what it holds: the next request reads the configuration and the store again. */
  reload(): void {
    if (this.config.credentials.kind === 'oauth2') this.current = undefined;
  }

  /** One load or refresh at a time: concurrent requests wait for the same new pair. */
  private once(work: () => Promise<StoredTokens>): Promise<StoredTokens> {
    this.pending ??= work()
      .catch((error: unknown) => {
        if (error instanceof XAuthException) this.refusedForGood(error);
        throw error;
      })
      .finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async load(): Promise<StoredTokens> {
    const c = this.config.credentials;
    if (c.kind !== 'oauth2') throw new Error('OAuth 1.0a credentials have no bearer token');
    const configured = await configuredTokens(c);
    this.current = await this.tokens.seeded(this.config.userId, configured);
    return this.current;
  }

  private async refresh(stale: string): Promise<StoredTokens> {
    const renewed = await this.tokens.renewLocked(this.config.userId, async (stored) => {
      // Another instance refreshed meanwhile: its pair is the one to use, ours is spent.
      if (stored && stored.accessToken !== stale && !refreshDue(stored)) return stored;
      return this.refresher.refresh(stored ?? this.current!);
    });
    this.current = renewed;
    this.logger.log({ expiresAt: this.current.expiresAt }, 'X OAuth 2.0 token refreshed');
    if (this.status.get('access')?.state === 'needs-auth') this.status.clear('access');
    return this.current;
  }

  private refusedForGood(error: XAuthException): void {
    this.logger.error({ code: error.code, reason: error.message }, 'X user token not usable');
    this.status.set(
      'access',
      { state: 'needs-auth', detail: DETAIL[error.code] ?? 'refresh-failed' },
      { code: error.code, message: error.message },
    );
  }
}
