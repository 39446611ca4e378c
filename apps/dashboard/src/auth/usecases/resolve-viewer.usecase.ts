import { Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { CoreApiException } from '../../core-api/core-api.exception';
import { AuthException } from '../auth.exception';
import { readCookies, SESSION_COOKIE } from '../cookies';
import { csrfTokenFor, openToken, sessionIdHash, tokenHash } from '../session-crypto';
import { SessionRepository } from '../session.repository';
import { TokenIdentities } from '../token-identities';
import type { Viewer } from '../viewer';

const BEARER = /^Bearer\s+(\S{1,500})\s*$/i;

/**
 * Who is asking: a bearer token (checked with core, the same tokens as core's API) or the
 * session cookie of someone who signed in. Undefined when neither is there; a token core
 * refuses is `unauthorized`, never a fall-back to the cookie.
 */
@Injectable()
export class ResolveViewer {
  private readonly logger = new Logger(ResolveViewer.name);

  constructor(
    private readonly sessions: SessionRepository,
    private readonly tokens: TokenIdentities,
  ) {}

  async execute(req: Pick<Request, 'headers'>): Promise<Viewer | undefined> {
    const header = req.headers.authorization;
    if (header !== undefined) return this.fromBearer(header);
    const sessionId = readCookies(req).get(SESSION_COOKIE);
    return sessionId ? this.fromSession(sessionId) : undefined;
  }

  private async fromBearer(header: string): Promise<Viewer> {
    const token = BEARER.exec(header)?.[1];
    if (!token) throw new AuthException('unauthorized', 'malformed Authorization header');
    const hash = tokenHash(token);
    try {
      const identity = await this.tokens.identify(token, hash);
      return { ...identity, token, tokenHash: hash };
    } catch (error) {
      if (error instanceof CoreApiException && error.code === 'token_rejected') {
        throw new AuthException('unauthorized', 'core does not know this token');
      }
      throw error;
    }
  }

  private async fromSession(sessionId: string): Promise<Viewer | undefined> {
    const idHash = sessionIdHash(sessionId);
    const stored = await this.sessions.find(idHash);
    if (!stored) return undefined;
    let token: string;
    try {
      token = openToken(stored.sealedToken, sessionId);
    } catch {
      // Cannot happen with an id whose hash matched, short of a corrupted row: treat as signed out.
      this.logger.warn('a session token could not be opened; the session is dropped');
      await this.sessions.delete(idHash);
      return undefined;
    }
    return {
      name: stored.name,
      role: stored.role,
      regionCode: stored.regionCode,
      token,
      tokenHash: tokenHash(token),
      session: { idHash, csrf: csrfTokenFor(sessionId) },
    };
  }
}
