import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** How the adapter logs in: a password, or an OAuth2 access token (SASL XOAUTH2). */
export type MailboxAuth =
  | { kind: 'password'; user: string; password: string }
  /** The token file is read again at every (re)connect, so a sidecar can keep it fresh. */
  | { kind: 'oauth2'; user: string; accessToken?: string; accessTokenFile?: string };

/** One IMAP mailbox (a folder of an account) the adapter reads. */
export interface MailboxConfig {
  /** The channel account named in envelopes: the mailbox's address, lower-cased. */
  address: string;
  host: string;
  port: number;
  secure: boolean;
  auth: MailboxAuth;
  /** The folder read, `INBOX` unless configured. */
  path: string;
  /** Every mail here is about this store: its code goes into the envelope. */
  storeCode?: string;
  /**
   * Every mail here goes to the region (or store) reached at this address: core matches it
   * against the contacts of its catalogue, so it must be one of them.
   */
  regionContact?: string;
  /** Flag set on a mail once Kafka has it (`\\Seen`, `$Processed`...). */
  processedFlag?: string;
  /** Folder a mail is moved to once Kafka has it. */
  moveTo?: string;
  /** On the very first start (no checkpoint): take every mail already there, or only new ones. */
  initialSync: 'all' | 'new';
}

/** The name a mailbox goes by in health beats, leases and checkpoints. */
const MAX_CHANNEL_ACCOUNT = 200;

export function mailboxKey(m: Pick<MailboxConfig, 'address' | 'path'>): string {
  return m.path.toUpperCase() === 'INBOX' ? m.address : `${m.address}#${m.path}`;
}

const address = z
  .email('must be an e-mail address')
  .max(200)
  .transform((v) => v.toLowerCase());
const storeCode = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,50}$/, 'must be a store code')
  .transform((v) => v.toUpperCase());

const fileEntry = z
  .strictObject({
    address: address.optional(),
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).optional(),
    secure: z.boolean().optional(),
    user: z.string().min(1),
    password: z.string().min(1).optional(),
    /** Name of a variable holding the password, so the file itself can stay free of secrets. */
    passwordVar: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]*$/)
      .optional(),
    accessToken: z.string().min(1).optional(),
    accessTokenVar: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]*$/)
      .optional(),
    accessTokenFile: z.string().min(1).optional(),
    mailbox: z.string().min(1).max(500).optional(),
    storeCode: storeCode.optional(),
    regionContact: address.optional(),
    processedFlag: z
      .string()
      .regex(/^\\?[A-Za-z0-9$_-]{1,64}$/)
      .optional(),
    moveTo: z.string().min(1).max(500).optional(),
    initialSync: z.enum(['all', 'new']).optional(),
  })
  .refine(
    (e) =>
      [e.password, e.passwordVar, e.accessToken, e.accessTokenVar, e.accessTokenFile].filter(
        Boolean,
      ).length === 1,
    {
      message:
        'needs exactly one of password, passwordVar, accessToken, accessTokenVar, accessTokenFile',
    },
  );
type FileEntry = z.infer<typeof fileEntry>;

const accountsFile = z.union([
  z.strictObject({ mailboxes: z.array(fileEntry).min(1) }),
  z.array(fileEntry).min(1),
]);

/** What the environment says when there is no accounts file: one mailbox. */
export interface SingleMailboxEnv {
  IMAP_HOST?: string;
  IMAP_PORT: number;
  IMAP_SECURE: boolean;
  IMAP_USER?: string;
  IMAP_PASSWORD?: string;
  IMAP_ACCESS_TOKEN?: string;
  IMAP_ACCESS_TOKEN_FILE?: string;
  IMAP_MAILBOX: string;
  IMAP_ADDRESS?: string;
  IMAP_STORE_CODE?: string;
  IMAP_REGION_CONTACT?: string;
  IMAP_PROCESSED_FLAG?: string;
  IMAP_MOVE_TO?: string;
  EMAIL_INITIAL_SYNC: 'all' | 'new';
}

export interface MailboxesResult {
  mailboxes: MailboxConfig[];
  problems: string[];
}

/**
 * The mailboxes to read: from EMAIL_ACCOUNTS_FILE, or the single mailbox of the IMAP_*
 * variables. Every problem is returned, so the operator fixes them all in one go.
 */
export function loadMailboxes(
  file: string | undefined,
  single: SingleMailboxEnv,
  source: Record<string, string | undefined>,
): MailboxesResult {
  if (file && single.IMAP_HOST) {
    return { mailboxes: [], problems: ['set either EMAIL_ACCOUNTS_FILE or IMAP_HOST, not both'] };
  }
  const result = file ? fromFile(file, single, source) : fromEnv(single, source);
  const seen = new Set<string>();
  for (const m of result.mailboxes) {
    const key = mailboxKey(m).toLowerCase();
    if (seen.has(key)) result.problems.push(`mailbox ${key} is configured twice`);
    // The key is the channel account of every envelope and health beat, which the contracts cap:
    // refused here rather than by every mail of the mailbox.
    if (key.length > MAX_CHANNEL_ACCOUNT) {
      result.problems.push(
        `mailbox ${key.slice(0, 60)}...: address and folder together exceed ${MAX_CHANNEL_ACCOUNT} characters`,
      );
    }
    seen.add(key);
  }
  if (result.problems.length === 0 && result.mailboxes.length === 0) {
    result.problems.push('no mailbox: set EMAIL_ACCOUNTS_FILE, or IMAP_HOST and IMAP_USER');
  }
  return result;
}

function fromFile(
  path: string,
  single: SingleMailboxEnv,
  source: Record<string, string | undefined>,
): MailboxesResult {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return {
      mailboxes: [],
      problems: [`EMAIL_ACCOUNTS_FILE: cannot read ${path}: ${(error as Error).message}`],
    };
  }
  const parsed = accountsFile.safeParse(json);
  if (!parsed.success) {
    return {
      mailboxes: [],
      problems: parsed.error.issues.map(
        (i) => `EMAIL_ACCOUNTS_FILE ${i.path.join('.') || '(file)'}: ${i.message}`,
      ),
    };
  }
  const entries = Array.isArray(parsed.data) ? parsed.data : parsed.data.mailboxes;
  const problems: string[] = [];
  const mailboxes = entries.flatMap((entry, index) => {
    const made = fromEntry(entry, single, source);
    if (typeof made === 'string') {
      problems.push(`EMAIL_ACCOUNTS_FILE mailboxes.${index}: ${made}`);
      return [];
    }
    return [made];
  });
  return { mailboxes, problems };
}

function fromEntry(
  e: FileEntry,
  single: SingleMailboxEnv,
  source: Record<string, string | undefined>,
): MailboxConfig | string {
  const secret = (name: string | undefined) =>
    name ? source[name]?.trim() || undefined : undefined;
  let auth: MailboxAuth;
  if (e.password || e.passwordVar) {
    const password = e.password ?? secret(e.passwordVar);
    if (!password) return `variable ${e.passwordVar} named by passwordVar is not set`;
    auth = { kind: 'password', user: e.user, password };
  } else if (e.accessTokenFile) {
    auth = { kind: 'oauth2', user: e.user, accessTokenFile: e.accessTokenFile };
  } else {
    const accessToken = e.accessToken ?? secret(e.accessTokenVar);
    if (!accessToken) return `variable ${e.accessTokenVar} named by accessTokenVar is not set`;
    auth = { kind: 'oauth2', user: e.user, accessToken };
  }
  const addressOf = e.address ?? userAsAddress(e.user);
  if (!addressOf) return 'address is required when user is not an e-mail address';
  const secure = e.secure ?? (e.port === undefined ? true : e.port === 993);
  return {
    address: addressOf,
    host: e.host,
    port: e.port ?? (secure ? 993 : 143),
    secure,
    auth,
    path: e.mailbox ?? 'INBOX',
    storeCode: e.storeCode,
    regionContact: e.regionContact,
    processedFlag: e.processedFlag,
    moveTo: e.moveTo,
    initialSync: e.initialSync ?? single.EMAIL_INITIAL_SYNC,
  };
}

function fromEnv(s: SingleMailboxEnv, source: Record<string, string | undefined>): MailboxesResult {
  if (!s.IMAP_HOST) return { mailboxes: [], problems: [] };
  const entry = {
    address: s.IMAP_ADDRESS,
    host: s.IMAP_HOST,
    port: s.IMAP_PORT,
    secure: s.IMAP_SECURE,
    user: s.IMAP_USER,
    password: s.IMAP_PASSWORD,
    accessToken: s.IMAP_ACCESS_TOKEN,
    accessTokenFile: s.IMAP_ACCESS_TOKEN_FILE,
    mailbox: s.IMAP_MAILBOX,
    storeCode: s.IMAP_STORE_CODE,
    regionContact: s.IMAP_REGION_CONTACT,
    processedFlag: s.IMAP_PROCESSED_FLAG,
    moveTo: s.IMAP_MOVE_TO,
  };
  const parsed = fileEntry.safeParse(
    Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)),
  );
  if (!parsed.success) {
    const names: Record<string, string> = {
      address: 'IMAP_ADDRESS',
      user: 'IMAP_USER',
      mailbox: 'IMAP_MAILBOX',
      storeCode: 'IMAP_STORE_CODE',
      regionContact: 'IMAP_REGION_CONTACT',
      processedFlag: 'IMAP_PROCESSED_FLAG',
      moveTo: 'IMAP_MOVE_TO',
    };
    return {
      mailboxes: [],
      problems: parsed.error.issues.map((i) => {
        const field = String(i.path[0] ?? '');
        return field
          ? `${names[field] ?? field}: ${i.message}`
          : 'IMAP_PASSWORD, IMAP_ACCESS_TOKEN or IMAP_ACCESS_TOKEN_FILE: set exactly one';
      }),
    };
  }
  const made = fromEntry(parsed.data, s, source);
  if (typeof made === 'string') return { mailboxes: [], problems: [`IMAP_ADDRESS: ${made}`] };
  // The environment names port and security explicitly, with their own defaults.
  return { mailboxes: [{ ...made, port: s.IMAP_PORT, secure: s.IMAP_SECURE }], problems: [] };
}

function userAsAddress(user: string): string | undefined {
  const parsed = address.safeParse(user);
  return parsed.success ? parsed.data : undefined;
}
