import { z } from 'zod';
import { commonConfig, commonEnvShape, type CommonConfig, env, parseEnv } from '@app/platform';

const dashboardEnv = z.object({
  ...commonEnvShape,
  DASHBOARD_PORT: env.port(3010),
  DASHBOARD_HOST: env.string('0.0.0.0'),
  /** Core's HTTP API: tokens are checked there and the SLA and dead-letter panels come from it. */
  DASHBOARD_CORE_URL: env.url('http://127.0.0.1:3000'),
  DASHBOARD_CORE_TIMEOUT_MS: env.int(3_000, 100, 60_000),
  /** How often the SLA and dead-letter figures are fetched again from core, per signed-in token. */
  DASHBOARD_CORE_POLL_MS: env.int(10_000, 1_000, 600_000),
  /** How often every open page gets a fresh snapshot; a change of state goes out at once. */
  DASHBOARD_PUSH_INTERVAL_MS: env.int(5_000, 500, 60_000),
  /** A channel account is down when none of its instances has beaten for this many intervals. */
  DASHBOARD_DOWN_AFTER_BEATS: env.int(3, 1, 100),
  DASHBOARD_LAG_INTERVAL_MS: env.int(5_000, 1_000, 600_000),
  /** Core's main consumer group (core's CORE_CONSUMER_GROUP): intake, receipts, dead letters. */
  DASHBOARD_CORE_CONSUMER_GROUP: env.string('core'),
  /** Core's customer-side group (core's CORE_CUSTOMER_SIDE_GROUP), reading the case events. */
  DASHBOARD_CORE_CUSTOMER_SIDE_GROUP: env.optionalString(),
  /** Quiet periods of the silent-channel alarm: inline JSON, or the path of a JSON file. */
  DASHBOARD_QUIET_PERIODS: env.optionalString(),
  DASHBOARD_BUSINESS_CALENDAR_FILE: env.string('deploy/seed/business-calendar.json'),
  DASHBOARD_SESSION_TTL_HOURS: env.int(12, 1, 24 * 30),
  /** Behind a TLS-terminating proxy: trust its X-Forwarded-Proto, so cookies get `Secure`. */
  DASHBOARD_TRUST_PROXY: env.bool(false),
  /** Accounts not heard from for this long leave the board (the health topic keeps a day). */
  DASHBOARD_HISTORY_HOURS: env.int(24, 1, 24 * 7),
});

/** Every variable the dashboard reads: the README's configuration table must list them all. */
export const DASHBOARD_ENV_VARIABLES = Object.keys(dashboardEnv.shape);

export interface DashboardConfig extends CommonConfig {
  port: number;
  host: string;
  core: { url: string; timeoutMs: number; pollMs: number };
  pushIntervalMs: number;
  downAfterBeats: number;
  lag: { intervalMs: number; coreGroup: string; customerSideGroup: string };
  /** Inline JSON or a file path; read and checked at start-up by the QuietPeriods provider. */
  quietPeriods: string | undefined;
  businessCalendarFile: string;
  sessionTtlHours: number;
  trustProxy: boolean;
  historyMs: number;
}

export const DASHBOARD_CONFIG = Symbol('DASHBOARD_CONFIG');

/** The only place the dashboard reads its environment. */
export function loadDashboardConfig(source: Record<string, string | undefined>): DashboardConfig {
  const e = parseEnv('dashboard', dashboardEnv, source);
  return {
    port: e.DASHBOARD_PORT,
    host: e.DASHBOARD_HOST,
    core: {
      url: e.DASHBOARD_CORE_URL.replace(/\/+$/, ''),
      timeoutMs: e.DASHBOARD_CORE_TIMEOUT_MS,
      pollMs: e.DASHBOARD_CORE_POLL_MS,
    },
    pushIntervalMs: e.DASHBOARD_PUSH_INTERVAL_MS,
    downAfterBeats: e.DASHBOARD_DOWN_AFTER_BEATS,
    lag: {
      intervalMs: e.DASHBOARD_LAG_INTERVAL_MS,
      coreGroup: e.DASHBOARD_CORE_CONSUMER_GROUP,
      // The same default as core's own, so both follow a renamed main group.
      customerSideGroup:
        e.DASHBOARD_CORE_CUSTOMER_SIDE_GROUP ?? `${e.DASHBOARD_CORE_CONSUMER_GROUP}-customer-side`,
    },
    quietPeriods: e.DASHBOARD_QUIET_PERIODS,
    businessCalendarFile: e.DASHBOARD_BUSINESS_CALENDAR_FILE,
    sessionTtlHours: e.DASHBOARD_SESSION_TTL_HOURS,
    trustProxy: e.DASHBOARD_TRUST_PROXY,
    historyMs: e.DASHBOARD_HISTORY_HOURS * 3_600_000,
    ...commonConfig(e),
  };
}
