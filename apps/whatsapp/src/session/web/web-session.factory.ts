import type { SessionSettings } from '../../config/whatsapp.config';
import type { SessionFactory } from '../whatsapp-session';
import { PostgresSessionStore } from './postgres-session.store';
import type { SessionArchiveRepository } from './session-archive.repository';
import { WebSession } from './web-session';

/** Production's sessions: whatsapp-web.js Clients whose RemoteAuth archives live in PostgreSQL. */
export function webSessionFactory(
  settings: SessionSettings,
  archives: SessionArchiveRepository,
): SessionFactory {
  const store = new PostgresSessionStore(archives, settings.dataDir);
  return (account) => new WebSession(account, settings, store);
}
