import { Injectable } from '@nestjs/common';
import type { SessionStatus } from '../dto/session-status';
import { SessionManager } from '../session-manager';

@Injectable()
export class ListSessions {
  constructor(private readonly sessions: SessionManager) {}

  execute(): SessionStatus[] {
    return this.sessions.all().map((s) => ({
      account: s.account.id,
      state: s.state,
      since: s.stateSince.toISOString(),
      qrPending: s.qr !== undefined,
    }));
  }
}
