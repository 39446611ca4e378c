import { Injectable, Logger } from '@nestjs/common';
import { AccountRegistry } from '../../accounts/account-registry';
import { WhatsAppException } from '../../whatsapp.exception';
import type { SessionStatus } from '../dto/session-status';
import { SessionManager } from '../session-manager';

/** Starts a session afresh after a logout, an expired QR code or an authentication failure. */
@Injectable()
export class RelinkSession {
  private readonly logger = new Logger(RelinkSession.name);

  constructor(
    private readonly accounts: AccountRegistry,
    private readonly sessions: SessionManager,
  ) {}

  async execute(account: string): Promise<SessionStatus> {
    const id = this.accounts.find(account)?.id;
    const supervisor = id ? this.sessions.get(id) : undefined;
    if (!supervisor)
      throw new WhatsAppException('account_unknown', 'no session account by that number');
    this.logger.log(
      { account: supervisor.account.id, from: supervisor.state },
      'session relink requested',
    );
    await supervisor.relink();
    return {
      account: supervisor.account.id,
      state: supervisor.state,
      since: supervisor.stateSince.toISOString(),
      qrPending: supervisor.qr !== undefined,
    };
  }
}
