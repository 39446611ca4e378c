import { CHANNELS, type Channel } from '@app/contracts';
import { z } from 'zod';

/** Minutes without a message, counted in working time, after which a channel is called silent. */
const minutes = z
  .number()
  .positive()
  .max(60 * 24 * 30)
  .nullable();

const quietPeriodsSchema = z.strictObject({
  /** For every account not named below; null turns the alarm off. */
  defaultMinutes: minutes.optional(),
  channels: z.partialRecord(z.enum(CHANNELS), minutes).optional(),
  /** Keyed `channel:account`, e.g. `email:destek@ornek.com.tr`. */
  accounts: z
    .record(z.string(), minutes)
    .superRefine((accounts, ctx) => {
      for (const key of Object.keys(accounts)) {
        const channel = key.slice(0, Math.max(0, key.indexOf(':')));
        if (!(CHANNELS as readonly string[]).includes(channel) || key.length <= channel.length + 1)
          ctx.addIssue({ code: 'custom', path: [key], message: 'keys are channel:account' });
      }
    })
    .optional(),
});

export type QuietPeriodsInput = z.infer<typeof quietPeriodsSchema>;

/** Two hours for every channel, as the issue suggests for e-mail and the web form. */
export const DEFAULT_QUIET_MINUTES = 120;

/**
 * The silent-channel alarm's quiet period per channel account: the account's own, else its
 * channel's, else the default. `null` means the account is never called silent (a test mailbox).
 */
export class QuietPeriods {
  constructor(private readonly input: QuietPeriodsInput = {}) {}

  /** Parses DASHBOARD_QUIET_PERIODS' JSON; throws an Error naming every problem. */
  static parse(json: unknown): QuietPeriods {
    const result = quietPeriodsSchema.safeParse(json);
    if (!result.success) {
      const problems = result.error.issues.map(
        (i) => `${i.path.join('.') || '(quiet periods)'}: ${i.message}`,
      );
      throw new Error(`invalid quiet periods: ${problems.join('; ')}`);
    }
    return new QuietPeriods(result.data);
  }

  /** In milliseconds, or null when the alarm is off for the account. */
  forAccount(channel: Channel, account: string): number | null {
    const accounts = this.input.accounts ?? {};
    const key = `${channel}:${account}`;
    const chosen =
      key in accounts
        ? accounts[key]
        : channel in (this.input.channels ?? {})
          ? this.input.channels![channel]
          : this.input.defaultMinutes === undefined
            ? DEFAULT_QUIET_MINUTES
            : this.input.defaultMinutes;
    return chosen === null || chosen === undefined ? null : Math.round(chosen * 60_000);
  }
}
