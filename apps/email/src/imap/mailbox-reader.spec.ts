import type { ChannelHealthReporter, CheckpointRepository, LeaseKeeper } from '@app/adapter-kit';
import type { HealthState } from '@app/contracts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MailboxConfig } from '../config/mailbox-config';
import type { TakeInMail } from '../intake/usecases/take-in-mail.usecase';
import { MailboxReader } from './mailbox-reader';

function oauthMailbox(accessTokenFile: string): MailboxConfig {
  return {
    address: 'sikayet@ornekmagaza.com.tr',
    // Never reached: the token is read before connecting.
    host: '127.0.0.1',
    port: 1,
    secure: false,
    auth: { kind: 'oauth2', user: 'sikayet@ornekmagaza.com.tr', accessTokenFile },
    path: 'INBOX',
    initialSync: 'all',
  };
}

/** Runs a reader until its mailbox reports a failure; answers the state and error it showed. */
async function stateAfterFirstFailure(mailbox: MailboxConfig) {
  const states: HealthState[] = [];
  let failure: { code?: string; message: string } | undefined;
  let failed!: () => void;
  const firstFailure = new Promise<void>((resolve) => (failed = resolve));
  const health = {
    update: (_account: string, change: { state: HealthState }) => {
      states.push(change.state);
      if (failure) failed();
    },
    failed: (_account: string, error: { code?: string; message: string }) => (failure = error),
    succeeded: () => undefined,
  } as unknown as ChannelHealthReporter;
  const lease = {
    tryAcquire: () => Promise.resolve(true),
    isHeld: true,
    release: () => Promise.resolve(),
  } as unknown as LeaseKeeper;
  const reader = new MailboxReader(
    mailbox,
    {
      pollIntervalMs: 60_000,
      fetchBatch: 10,
      rawMaxBytes: 1024,
      reconnectMaxMs: 60_000,
      leaseTtlMs: 60_000,
    },
    lease,
    {} as CheckpointRepository,
    {} as TakeInMail,
    health,
  );
  reader.start();
  await firstFailure;
  await reader.stop();
  return { state: states.at(-1), failure };
}

describe('MailboxReader health of an OAuth2 mailbox', () => {
  const dir = mkdtempSync(join(tmpdir(), 'email-token-'));

  it('shows needs-auth, not down, when the access token file cannot be read', async () => {
    const { state, failure } = await stateAfterFirstFailure(oauthMailbox(join(dir, 'missing')));
    expect(state).toBe('needs-auth');
    expect(failure).toMatchObject({ code: 'imap_auth_failed' });
    expect(failure?.message).toContain('cannot read the access token file');
  });

  it('shows needs-auth when the access token file is empty', async () => {
    const file = join(dir, 'empty');
    writeFileSync(file, '\n');
    const { state, failure } = await stateAfterFirstFailure(oauthMailbox(file));
    expect(state).toBe('needs-auth');
    expect(failure).toMatchObject({
      code: 'imap_auth_failed',
      message: 'the access token file is empty',
    });
  });
});
