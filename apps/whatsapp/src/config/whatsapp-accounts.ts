import { E164Schema } from '@app/contracts';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** A number on the WhatsApp Business Platform (Cloud API): Meta calls our webhook. */
export interface CloudAccount {
  mode: 'cloud';
  /** The channel account named in envelopes: the phone number id, as in every webhook. */
  id: string;
  phoneNumberId: string;
  /** The number customers write to (E.164), given to core for store routing. */
  displayPhoneNumber?: string;
  appSecret: string;
  verifyToken: string;
  accessToken: string;
}

/** A phone linked through WhatsApp Web (whatsapp-web.js), one browser session per number. */
export interface SessionAccount {
  mode: 'session';
  /** The channel account named in envelopes: the linked phone's number in E.164. */
  id: string;
  /** `remote`: the session archive in PostgreSQL; `local`: a profile directory on a volume. */
  auth: 'remote' | 'local';
  acceptGroups: boolean;
  acceptOwn: boolean;
}

export type WhatsAppAccount = CloudAccount | SessionAccount;

/** What the environment gives as defaults; an accounts file entry may override each. */
export interface AccountDefaults {
  appSecret?: string;
  verifyToken?: string;
  accessToken?: string;
  sessionAuth: 'remote' | 'local';
  acceptGroups: boolean;
  acceptOwn: boolean;
}

const secret = z.string().min(8, 'must be at least 8 characters');

const cloudEntry = z.strictObject({
  mode: z.literal('cloud'),
  phoneNumberId: z.string().regex(/^\d{5,30}$/, 'must be the digits of a phone number id'),
  displayPhoneNumber: E164Schema.optional(),
  appSecret: secret.optional(),
  verifyToken: secret.optional(),
  accessToken: secret.optional(),
});

const sessionEntry = z.strictObject({
  mode: z.literal('session'),
  phoneNumber: E164Schema,
  auth: z.enum(['remote', 'local']).optional(),
  acceptGroups: z.boolean().optional(),
  acceptOwn: z.boolean().optional(),
});

export const AccountsFileSchema = z.strictObject({
  accounts: z.array(z.discriminatedUnion('mode', [cloudEntry, sessionEntry])).min(1),
});
export type AccountsFile = z.infer<typeof AccountsFileSchema>;

/** Reads WHATSAPP_ACCOUNTS_FILE; every problem is returned, never thrown one at a time. */
export function readAccountsFile(path: string): { file?: AccountsFile; problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return {
      problems: [`WHATSAPP_ACCOUNTS_FILE: cannot read ${path}: ${(error as Error).message}`],
    };
  }
  const parsed = AccountsFileSchema.safeParse(json);
  if (parsed.success) return { file: parsed.data, problems: [] };
  return {
    problems: parsed.error.issues.map(
      (i) => `WHATSAPP_ACCOUNTS_FILE ${i.path.join('.') || '(file)'}: ${i.message}`,
    ),
  };
}

/**
 * The accounts this instance serves, with the environment's defaults filled in. A cloud account
 * without an app secret, verify token or access token (its own or the shared one) is a problem.
 */
export function resolveAccounts(
  file: AccountsFile,
  defaults: AccountDefaults,
): { accounts: WhatsAppAccount[]; problems: string[] } {
  const problems: string[] = [];
  const accounts: WhatsAppAccount[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of file.accounts.entries()) {
    const id = entry.mode === 'cloud' ? entry.phoneNumberId : entry.phoneNumber;
    if (seen.has(id)) problems.push(`account ${index}: ${id} is configured twice`);
    seen.add(id);
    if (entry.mode === 'session') {
      accounts.push({
        mode: 'session',
        id,
        auth: entry.auth ?? defaults.sessionAuth,
        acceptGroups: entry.acceptGroups ?? defaults.acceptGroups,
        acceptOwn: entry.acceptOwn ?? defaults.acceptOwn,
      });
      continue;
    }
    const appSecret = entry.appSecret ?? defaults.appSecret;
    const verifyToken = entry.verifyToken ?? defaults.verifyToken;
    const accessToken = entry.accessToken ?? defaults.accessToken;
    const missing = [
      ['WHATSAPP_APP_SECRET', appSecret],
      ['WHATSAPP_VERIFY_TOKEN', verifyToken],
      ['WHATSAPP_ACCESS_TOKEN', accessToken],
    ].filter(([, value]) => !value);
    for (const [name] of missing) {
      problems.push(
        `${name}: is required for the cloud account ${id} (or give it in the accounts file)`,
      );
    }
    if (missing.length > 0) continue;
    accounts.push({
      mode: 'cloud',
      id,
      phoneNumberId: entry.phoneNumberId,
      displayPhoneNumber: entry.displayPhoneNumber,
      appSecret: appSecret!,
      verifyToken: verifyToken!,
      accessToken: accessToken!,
    });
  }
  return { accounts, problems };
}
