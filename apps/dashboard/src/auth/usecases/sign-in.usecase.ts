import { Inject, Injectable, Logger } from '@nestjs/common';
import { DASHBOARD_CONFIG, type DashboardConfig } from '../../config/dashboard.config';
import type { Identity } from '../../core-api/core-api.schemas';
import { CoreClient } from '../../core-api/core-client';
import { AuthException } from '../auth.exception';
import { newSessionId, sameSecret, sealToken, sessionIdHash } from '../session-crypto';
import { SessionRepository } from '../session.repository';

export interface SignInCommand {
  token: string;
  /** The sign-in form's hidden field and the cookie set with the form: they must agree. */
  formCsrf: string;
  cookieCsrf: string | undefined;
}

export interface SignedIn {
  sessionId: string;
  identity: Identity;
  maxAgeMs: number;
}

/**
 * Checks the API token with core (the same tokens as core's API) and opens a session for it.
 * A token core refuses is `token_rejected`; core not answering is `core_unavailable`.
 */
@Injectable()
export class SignIn {
  private readonly logger = new Logger(SignIn.name);

  constructor(
    @Inject(DASHBOARD_CONFIG) private readonly config: DashboardConfig,
    private readonly core: CoreClient,
    private readonly sessions: SessionRepository,
  ) {}

  async execute(command: SignInCommand): Promise<SignedIn> {
    if (!command.cookieCsrf || !sameSecret(command.formCsrf, command.cookieCsrf)) {
      throw new AuthException('csrf_failed', 'sign-in form without its matching cookie');
    }
    const token = command.token.trim();
    const identity = await this.core.identify(token);
    const sessionId = newSessionId();
    await this.sessions.insert(
      sessionIdHash(sessionId),
      sealToken(token, sessionId),
      identity,
      this.config.sessionTtlHours,
    );
    this.logger.log({ role: identity.role, region: identity.regionCode }, 'signed in');
    return { sessionId, identity, maxAgeMs: this.config.sessionTtlHours * 3_600_000 };
  }
}
