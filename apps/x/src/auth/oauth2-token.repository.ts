import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface StoredTokens {
  accessToken: string;
  refreshToken?: string;
  /** Unknown for a configured pair: X told its lifetime to whoever obtained it, not to us. */
  expiresAt?: Date;
  /** When this pair was stored: with expiresAt, its lifetime. */
  issuedAt?: Date;
  seed: string;
}

interface Row {
  access_token: string;
  refresh_token: string | null;
  expires_at: Date | null;
  seed: string;
  updated_at: Date;
}

function fromRow(row: Row | undefined): StoredTokens | undefined {
  if (!row) return undefined;
  return {
    accessToken: row.access_token,
    ...(row.refresh_token ? { refreshToken: row.refresh_token } : {}),
    ...(row.expires_at ? { expiresAt: new Date(row.expires_at) } : {}),
    issuedAt: new Date(row.updated_at),
    seed: row.seed,
  };
}

/** The account's OAuth 2.0 token pair (table `oauth2_tokens`). */
@Injectable()
export class OAuth2TokenRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The stored pair; a configured pair with another seed replaces it first (the operator
   * authorized again), while the seed already stored leaves the rotated pair alone.
   */
  async seeded(account: string, configured: StoredTokens): Promise<StoredTokens> {
    await this.dataSource.query(
      `INSERT INTO oauth2_tokens (account, access_token, refresh_token, expires_at, seed)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (account) DO UPDATE SET
         access_token = EXCLUDED.access_token, refresh_token = EXCLUDED.refresh_token,
         expires_at = EXCLUDED.expires_at, seed = EXCLUDED.seed, updated_at = now()
       WHERE oauth2_tokens.seed <> EXCLUDED.seed`,
      [
        account,
        configured.accessToken,
        configured.refreshToken ?? null,
        configured.expiresAt ?? null,
        configured.seed,
      ],
    );
    const rows: Row[] = await this.dataSource.query(
      `SELECT access_token, refresh_token, expires_at, seed, updated_at FROM oauth2_tokens WHERE account = $1`,
      [account],
    );
    return fromRow(rows[0]) ?? configured;
  }

  /**
   * Runs `renew` with the row locked, and stores what it returns in the same transaction: two
   * instances never spend the same refresh token, the second one finds the first one's pair.
   */
  async renewLocked(
    account: string,
    renew: (current: StoredTokens | undefined) => Promise<StoredTokens>,
  ): Promise<StoredTokens> {
    return this.dataSource.transaction(async (m) => {
      const rows: Row[] = await m.query(
        `SELECT access_token, refresh_token, expires_at, seed, updated_at FROM oauth2_tokens
         WHERE account = $1 FOR UPDATE`,
        [account],
      );
      const current = fromRow(rows[0]);
      const next = await renew(current);
      if (next !== current) {
        await m.query(
          `INSERT INTO oauth2_tokens (account, access_token, refresh_token, expires_at, seed)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (account) DO UPDATE SET access_token = EXCLUDED.access_token,
             refresh_token = EXCLUDED.refresh_token, expires_at = EXCLUDED.expires_at,
             updated_at = now()`,
          [account, next.accessToken, next.refreshToken ?? null, next.expiresAt ?? null, next.seed],
        );
      }
      return next;
    });
  }
}
