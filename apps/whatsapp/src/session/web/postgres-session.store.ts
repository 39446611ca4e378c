import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Store } from 'whatsapp-web.js';
import type { SessionArchiveRepository } from './session-archive.repository';

/**
 * The store RemoteAuth backs a linked session up to, in PostgreSQL, so a restarted (or moved)
 * instance restores the session without a new QR scan. RemoteAuth hands over zip files by name
 * only: it writes `<dataPath>/<session>.zip` before `save` and reads the path it gives `extract`.
 */
export class PostgresSessionStore implements Store {
  private readonly dataPath: string;

  constructor(
    private readonly archives: SessionArchiveRepository,
    dataPath: string,
  ) {
    this.dataPath = resolve(dataPath);
  }

  sessionExists(options: { session: string }): Promise<boolean> {
    return this.archives.exists(options.session);
  }

  async save(options: { session: string }): Promise<void> {
    const archive = await readFile(join(this.dataPath, `${options.session}.zip`));
    await this.archives.save(options.session, archive);
  }

  async extract(options: { session: string; path: string }): Promise<void> {
    const archive = await this.archives.load(options.session);
    if (archive) await writeFile(options.path, archive);
  }

  async delete(options: { session: string }): Promise<void> {
    await this.archives.delete(options.session);
  }
}
