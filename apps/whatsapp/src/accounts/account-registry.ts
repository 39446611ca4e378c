import { Inject, Injectable } from '@nestjs/common';
import { WHATSAPP_CONFIG, type WhatsAppConfig } from '../config/whatsapp.config';
import type { CloudAccount, SessionAccount, WhatsAppAccount } from '../config/whatsapp-accounts';

/** The accounts this instance serves, found by what each channel names them with. */
@Injectable()
export class AccountRegistry {
  private readonly byId: Map<string, WhatsAppAccount>;

  constructor(@Inject(WHATSAPP_CONFIG) config: WhatsAppConfig) {
    this.byId = new Map(config.accounts.map((a) => [a.id, a]));
  }

  all(): WhatsAppAccount[] {
    return [...this.byId.values()];
  }

  cloud(): CloudAccount[] {
    return this.all().filter((a): a is CloudAccount => a.mode === 'cloud');
  }

  sessions(): SessionAccount[] {
    return this.all().filter((a): a is SessionAccount => a.mode === 'session');
  }

  /** The channel account of a reply or an ops request: a phone number id, or an E.164 number. */
  find(channelAccount: string): WhatsAppAccount | undefined {
    const id = channelAccount.trim();
    return this.byId.get(id) ?? (/^\d{7,15}$/.test(id) ? this.byId.get(`+${id}`) : undefined);
  }

  cloudByPhoneNumberId(phoneNumberId: string): CloudAccount | undefined {
    const account = this.byId.get(phoneNumberId);
    return account?.mode === 'cloud' ? account : undefined;
  }
}
