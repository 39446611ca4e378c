import { EventEmitter } from 'node:events';
import { Client, LocalAuth, RemoteAuth, type Message, type Store } from 'whatsapp-web.js';
import type { SessionSettings } from '../../config/whatsapp.config';
import type { SessionAccount } from '../../config/whatsapp-accounts';
import type {
  SessionAck,
  SessionEvents,
  SessionMessage,
  WhatsAppSession,
} from '../whatsapp-session';

/**
 * A real WhatsApp Web session: whatsapp-web.js's Client driving Debian's chromium. The session is
 * kept by RemoteAuth (in PostgreSQL) or LocalAuth (a profile directory on a mounted volume), so a
 * restart does not ask for a new QR scan. Events are passed on unchanged.
 */
export class WebSession extends EventEmitter<SessionEvents> implements WhatsAppSession {
  private readonly client: Client;

  constructor(account: SessionAccount, settings: SessionSettings, store: Store) {
    super();
    const clientId = account.id.replace(/\D/g, '');
    const authStrategy =
      account.auth === 'remote'
        ? new RemoteAuth({
            store,
            clientId,
            dataPath: settings.dataDir,
            backupSyncIntervalMs: settings.backupSyncMs,
          })
        : new LocalAuth({ clientId, dataPath: settings.dataDir });
    this.client = new Client({
      authStrategy,
      qrMaxRetries: settings.qrMaxRetries,
      puppeteer: {
        executablePath: settings.chromiumPath,
        headless: true,
        // Containers run as root without user namespaces, where chromium's sandbox cannot start.
        args: [
          '--no-sandbox',
          '--disable-setuid-sandbox',
          '--disable-dev-shm-usage',
          '--disable-gpu',
        ],
      },
    });
    this.client.on('qr', (qr) => this.emit('qr', qr));
    this.client.on('authenticated', () => this.emit('authenticated'));
    this.client.on('ready', () => this.emit('ready'));
    this.client.on('auth_failure', (message) => this.emit('auth_failure', String(message)));
    this.client.on('disconnected', (reason) => this.emit('disconnected', String(reason)));
    this.client.on('message', (message: Message) => {
      // The library's Message is our SessionMessage: this line stops compiling if it drifts.
      const ours: SessionMessage = message;
      this.emit('message', ours);
    });
    this.client.on('message_ack', (message: Message, ack) =>
      this.emit('message_ack', message.id._serialized, Number(ack) as SessionAck),
    );
  }

  initialize(): Promise<void> {
    return this.client.initialize();
  }

  async sendText(chatId: string, text: string): Promise<string> {
    const sent = await this.client.sendMessage(chatId, text);
    return sent.id._serialized;
  }

  async destroy(): Promise<void> {
    await this.client.destroy();
  }
}
