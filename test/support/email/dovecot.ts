import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { ImapFlow } from 'imapflow';

const DOVECOT = '/usr/sbin/dovecot';

export interface MailUser {
  user: string;
  password: string;
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function idOf(flag: '-u' | '-g', name: string): number {
  return Number(execFileSync('id', [flag, name]).toString().trim());
}

/**
 * A real Dovecot (Debian's dovecot-imapd) on a loopback port, configured in a temporary
 * directory: a throwaway Maildir per user, users in a passwd-file, no TLS, plain logins.
 * Started as root (as in the test container), it runs its login processes as `dovenull` and
 * stores mail as the `dovecot` user, since Dovecot refuses root for both.
 */
export class TestDovecot {
  readonly dir = mkdtempSync(join(tmpdir(), 'dovecot-'));
  port = 0;

  constructor(readonly users: MailUser[]) {}

  async start(): Promise<this> {
    if (this.port === 0) this.port = await freePort();
    const root = process.getuid?.() === 0;
    const uid = root ? idOf('-u', 'dovecot') : (process.getuid?.() ?? 0);
    const gid = root ? idOf('-g', 'dovecot') : (process.getgid?.() ?? 0);
    const me = userInfo().username;
    const mail = join(this.dir, 'mail');
    mkdirSync(mail, { recursive: true });
    mkdirSync(join(this.dir, 'run'), { recursive: true });
    // Dovecot's auth and mail processes run as other users: they must reach the files here.
    chmodSync(this.dir, 0o755);
    if (root) chownSync(mail, uid, gid);
    writeFileSync(
      join(this.dir, 'passwd'),
      this.users
        .map((u) => `${u.user}:{PLAIN}${u.password}:${uid}:${gid}::${join(mail, u.user)}`)
        .join('\n') + '\n',
    );
    writeFileSync(
      join(this.dir, 'dovecot.conf'),
      `protocols = imap
listen = 127.0.0.1
base_dir = ${this.dir}/run
state_dir = ${this.dir}/state
log_path = ${this.dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
mail_location = maildir:~/Maildir
default_internal_user = ${root ? 'dovecot' : me}
default_internal_group = ${root ? 'dovecot' : me}
default_login_user = ${root ? 'dovenull' : me}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${this.dir}/passwd
}
userdb {
  driver = passwd-file
  args = username_format=%u ${this.dir}/passwd
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${this.port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
`,
    );
    await new Promise<void>((resolve, reject) => {
      const child = spawn(DOVECOT, ['-c', join(this.dir, 'dovecot.conf')], { stdio: 'inherit' });
      child.once('error', reject);
      child.once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`dovecot exited with ${code}: ${this.log()}`)),
      );
    });
    for (let i = 0; i < 100; i++) {
      if (await this.answers()) return this;
      await delay(100);
    }
    throw new Error(`dovecot did not answer on ${this.port}: ${this.log()}`);
  }

  log(): string {
    try {
      return readFileSync(join(this.dir, 'dovecot.log'), 'utf8').slice(-2000);
    } catch {
      return '(no log)';
    }
  }

  /** True once the server sends its greeting. */
  private answers(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = connect(this.port, '127.0.0.1');
      socket.once('data', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
  }

  /** Stops the server; the Maildir stays, so a restarted server has the same mail. */
  async stop(): Promise<void> {
    let pid: number;
    try {
      pid = Number(readFileSync(join(this.dir, 'run', 'master.pid'), 'utf8').trim());
    } catch {
      return;
    }
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      return;
    }
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(pid, 0);
      } catch {
        return;
      }
      await delay(100);
    }
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** An IMAP client of a test user, connected. */
  async client(user: MailUser): Promise<ImapFlow> {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: this.port,
      secure: false,
      auth: { user: user.user, pass: user.password },
      logger: false,
    });
    await client.connect();
    return client;
  }

  /** Appends mails to a user's mailbox in order, as an MTA delivering them would. */
  async append(user: MailUser, mails: (string | Buffer)[], path = 'INBOX'): Promise<number[]> {
    const client = await this.client(user);
    try {
      const uids: number[] = [];
      for (const mail of mails) {
        const appended = await client.append(
          path,
          typeof mail === 'string' ? Buffer.from(mail) : mail,
        );
        uids.push(appended ? Number(appended.uid) : 0);
      }
      return uids;
    } finally {
      await client.logout().catch(() => undefined);
    }
  }
}
