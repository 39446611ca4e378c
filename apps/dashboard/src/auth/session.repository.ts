import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Identity } from '../core-api/core-api.schemas';

export interface StoredSession extends Identity {
  sealedToken: Buffer;
}

interface SessionRow {
  sealed_token: Buffer;
  name: string;
  role: Identity['role'];
  region_code: string | null;
}

@Injectable()
export class SessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    idHash: Buffer,
    sealedToken: Buffer,
    identity: Identity,
    ttlHours: number,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO sessions (id_hash, sealed_token, name, role, region_code, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(hours => $6))`,
      [idHash, sealedToken, identity.name, identity.role, identity.regionCode, ttlHours],
    );
  }

  /** The session if it exists and has not expired. */
  async find(idHash: Buffer): Promise<StoredSession | undefined> {
    const rows: SessionRow[] = await this.dataSource.query(
      `SELECT sealed_token, name, role, region_code FROM sessions
        WHERE id_hash = $1 AND expires_at > now()`,
      [idHash],
    );
    const row = rows[0];
    return row
      ? {
          sealedToken: row.sealed_token,
          name: row.name,
          role: row.role,
          regionCode: row.region_code,
        }
      : undefined;
  }

  async isActive(idHash: Buffer): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM sessions WHERE id_hash = $1 AND expires_at > now()`,
      [idHash],
    );
    return rows.length > 0;
  }

  async delete(idHash: Buffer): Promise<void> {
    await this.dataSource.query(`DELETE FROM sessions WHERE id_hash = $1`, [idHash]);
  }

  async deleteExpired(): Promise<number> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM sessions WHERE expires_at <= now()`,
    );
    return count;
  }
}
