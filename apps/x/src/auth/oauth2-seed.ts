import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { XCredentials } from '../config/x.config';
import type { StoredTokens } from './oauth2-token.repository';
import { XAuthException } from './x-auth.exception';

type OAuth2Credentials = Extract<XCredentials, { kind: 'oauth2' }>;

/** The shape X's token endpoint answers, so an operator can save that answer as it is. */
const TokenFile = z.looseObject({
  access_token: z.string().min(1).optional(),
  refresh_token: z.string().min(1).optional(),
});

async function fromFile(file: string): Promise<{ accessToken?: string; refreshToken?: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new XAuthException('x_token_file_invalid', `X_OAUTH2_TOKEN_FILE not readable (${code})`);
  }
  let parsed;
  try {
    parsed = TokenFile.safeParse(JSON.parse(text));
  } catch {
    parsed = undefined;
  }
  // The message never quotes the file: it holds the tokens.
  if (!parsed?.success) {
    throw new XAuthException(
      'x_token_file_invalid',
      'X_OAUTH2_TOKEN_FILE is not a JSON object with access_token and/or refresh_token strings',
    );
  }
  return {
    ...(parsed.data.access_token ? { accessToken: parsed.data.access_token } : {}),
    ...(parsed.data.refresh_token ? { refreshToken: parsed.data.refresh_token } : {}),
  };
}

/**
 * The pair the operator configured, as a row to store. With a refresh token its expiry is left
 * unknown, so it is refreshed before first use and from then on has a known lifetime.
 */
export async function configuredTokens(credentials: OAuth2Credentials): Promise<StoredTokens> {
  const seed =
    'file' in credentials.seed ? await fromFile(credentials.seed.file) : credentials.seed;
  if (!seed.accessToken && !seed.refreshToken) {
    throw new XAuthException('x_token_file_invalid', 'X_OAUTH2_TOKEN_FILE holds no token');
  }
  const digest = createHash('sha256')
    .update(JSON.stringify([seed.accessToken ?? '', seed.refreshToken ?? '']))
    .digest('hex');
  return {
    accessToken: seed.accessToken ?? '',
    ...(seed.refreshToken ? { refreshToken: seed.refreshToken } : {}),
    seed: digest,
  };
}
