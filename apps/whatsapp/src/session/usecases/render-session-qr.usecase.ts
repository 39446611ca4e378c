import { Injectable } from '@nestjs/common';
import { toBuffer } from 'qrcode';
import { AccountRegistry } from '../../accounts/account-registry';
import { WhatsAppException } from '../../whatsapp.exception';
import { SessionManager } from '../session-manager';

/**
 * The QR code a session waits to have scanned, as a PNG, for the dashboard: ops link the phone
 * (WhatsApp > Linked devices) from there. The raw payload also rides on the health beat.
 */
@Injectable()
export class RenderSessionQr {
  constructor(
    private readonly accounts: AccountRegistry,
    private readonly sessions: SessionManager,
  ) {}

  async execute(account: string): Promise<Buffer> {
    const id = this.accounts.find(account)?.id;
    const supervisor = id ? this.sessions.get(id) : undefined;
    if (!supervisor)
      throw new WhatsAppException('account_unknown', 'no session account by that number');
    const qr = supervisor.qr;
    if (!qr) throw new WhatsAppException('qr_not_pending', `session is ${supervisor.state}`);
    return toBuffer(qr, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 320 });
  }
}
