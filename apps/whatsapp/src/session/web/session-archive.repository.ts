import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** whatsapp-web.js RemoteAuth archives (zip files of the browser profile), by session name. */
@Injectable()
export class SessionArchiveRepository {
  constructor(private readonly dataSource: DataSource) {}

  async exists(session: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM session_archives WHERE session = $1`,
      [session],
    );
    return rows.length === 1;
  }

  async save(session: string, archive: Buffer): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO session_archives (session, archive, size, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (session) DO UPDATE SET archive = EXCLUDED.archive, size = EXCLUDED.size, updated_at = now()`,
      [session, archive, archive.length],
    );
  }

  async load(session: string): Promise<Buffer | undefined> {
    const rows: { archive: Buffer }[] = await this.dataSource.query(
      `SELECT archive FROM session_archives WHERE session = $1`,
      [session],
    );
    return rows[0]?.archive;
  }

  async delete(session: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM session_archives WHERE session = $1`, [session]);
  }
}
