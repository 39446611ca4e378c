import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from './principal';

export interface ApiTokenRow {
  id: string;
  name: string;
  role: Role;
  regionCode: string | null;
  createdAt: Date;
  createdBy: string;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

interface Row {
  id: string;
  name: string;
  role: Role;
  region_code: string | null;
  created_at: Date;
  created_by: string;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const COLUMNS = 'id, name, role, region_code, created_at, created_by, last_used_at, revoked_at';

function toRow(r: Row): ApiTokenRow {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    regionCode: r.region_code,
    createdAt: r.created_at,
    createdBy: r.created_by,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}

/** API tokens: only their SHA-256 is stored, so a database dump does not hand out access. */
@Injectable()
export class ApiTokenRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(token: {
    id: string;
    name: string;
    role: Role;
    regionCode: string | null;
    hash: Buffer;
    createdBy: string;
  }): Promise<ApiTokenRow> {
    const [row]: Row[] = await this.dataSource.query(
      `INSERT INTO api_tokens (id, name, role, region_code, token_hash, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [token.id, token.name, token.role, token.regionCode, token.hash, token.createdBy],
    );
    return toRow(row);
  }

  /**
   * The live (not revoked) token with this hash; marks it used, at most once a minute. One round
   * trip, as every request runs it: the CTE's UPDATE runs even though the SELECT does not read it
   * (so the row shows `last_used_at` as it was before).
   */
  async findActiveByHash(hash: Buffer): Promise<ApiTokenRow | null> {
    const rows: Row[] = await this.dataSource.query(
      `WITH live AS (SELECT ${COLUMNS} FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL),
            touched AS (
              UPDATE api_tokens SET last_used_at = now()
               WHERE id IN (SELECT id FROM live)
                 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute'))
       SELECT * FROM live`,
      [hash],
    );
    return rows.length > 0 ? toRow(rows[0]) : null;
  }

  async list(): Promise<ApiTokenRow[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM api_tokens ORDER BY created_at, id`,
    );
    return rows.map(toRow);
  }

  /** Revokes a live token; false when there is none with this id. */
  async revoke(id: string): Promise<boolean> {
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      `UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`,
      [id],
    );
    return affected > 0;
  }
}
