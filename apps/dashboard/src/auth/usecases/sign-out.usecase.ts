import { Injectable } from '@nestjs/common';
import { AuthException } from '../auth.exception';
import { sameSecret } from '../session-crypto';
import { SessionRepository } from '../session.repository';
import type { Viewer } from '../viewer';

/** Ends the session for good: the row goes, so the cookie is worthless even if kept. */
@Injectable()
export class SignOut {
  constructor(private readonly sessions: SessionRepository) {}

  async execute(viewer: Viewer | undefined, formCsrf: string): Promise<void> {
    if (!viewer?.session) return;
    if (!sameSecret(formCsrf, viewer.session.csrf)) {
      throw new AuthException('csrf_failed', 'sign-out form without the session token');
    }
    await this.sessions.delete(viewer.session.idHash);
  }
}
