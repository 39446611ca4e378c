import { readFile } from 'node:fs/promises';
import { ImapFlow } from 'imapflow';
import type { MailboxConfig } from '../config/mailbox-config';
import { EmailException } from '../email.exception';

/**
 * A new IMAP connection for a mailbox (not yet connected). An OAuth2 token file is read at every
 * connect, so a sidecar that refreshes it is picked up on the next reconnect.
 */
export async function imapConnection(mailbox: MailboxConfig): Promise<ImapFlow> {
  const { auth } = mailbox;
  let credentials: { user: string; pass: string } | { user: string; accessToken: string };
  if (auth.kind === 'password') {
    credentials = { user: auth.user, pass: auth.password };
  } else {
    const token = auth.accessTokenFile
      ? (
          await readFile(auth.accessTokenFile, 'utf8').catch((error: unknown) => {
            // Retriable: the reader keeps trying, so a token written later is picked up by itself.
            throw new EmailException(
              'imap_auth_failed',
              `cannot read the access token file: ${(error as Error).message}`,
              true,
            );
          })
        ).trim()
      : auth.accessToken!;
    // A sidecar that truncated the file before writing: the server would refuse an empty token.
    if (!token)
      throw new EmailException('imap_auth_failed', 'the access token file is empty', true);
    credentials = { user: auth.user, accessToken: token };
  }
  return new ImapFlow({
    host: mailbox.host,
    port: mailbox.port,
    secure: mailbox.secure,
    auth: credentials,
    logger: false,
    // Enter IDLE soon after each fetch, so new mail is announced within seconds.
    autoIdleDelay: 1_000,
    // Fail a dead connection well before a mailbox's silence would look normal.
    socketTimeout: 5 * 60_000,
    connectionTimeout: 30_000,
    greetingTimeout: 15_000,
  });
}

/**
 * Whether the fix is (re)authorising the account, not waiting: the server refused our
 * credentials (an imapflow error), or we have no usable OAuth2 access token to offer it.
 */
export function isAuthFailure(error: unknown): boolean {
  if (error instanceof EmailException) return error.code === 'imap_auth_failed';
  return (
    typeof error === 'object' &&
    error !== null &&
    ((error as { authenticationFailed?: unknown }).authenticationFailed === true ||
      (error as { serverResponseCode?: unknown }).serverResponseCode === 'AUTHENTICATIONFAILED')
  );
}
