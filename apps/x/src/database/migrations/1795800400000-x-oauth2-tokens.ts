import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The OAuth 2.0 user token pair as last rotated. X's refresh tokens are single-use: the pair in
 * the configuration is spent by the first refresh, so the newest pair must outlive a restart and
 * be shared by every instance. `seed` is a digest of the configured pair, to tell a pair the
 * operator newly configured (which replaces the row) from the old one still in the environment.
 */
export class XOAuth2Tokens1795800400000 implements MigrationInterface {
  name = 'XOAuth2Tokens1795800400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE oauth2_tokens (
        account       text PRIMARY KEY,
        access_token  text NOT NULL,
        refresh_token text,
        expires_at    timestamptz,
        seed          text NOT NULL,
        updated_at    timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE oauth2_tokens`);
  }
}
