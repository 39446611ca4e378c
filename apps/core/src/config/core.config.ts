import { z } from 'zod';
import { CaseStatusSchema, type CaseStatus } from '@app/contracts';
import { commonConfig, commonEnvShape, type CommonConfig, env, parseEnv } from '@app/platform';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const coreEnv = z.object({
  ...commonEnvShape,
  CORE_PORT: env.port(3000),
  CORE_HOST: env.string('0.0.0.0'),
  REFERENCE_PREFIX: z
    .string()
    .regex(/^[A-Z]{2,8}$/, 'must be 2-8 capital letters A-Z')
    .default('KM'),
  TIME_ZONE: z.string().default('Europe/Istanbul').refine(isTimeZone, 'must be an IANA time zone'),
  ADMIN_TOKEN: z
    .string({ error: 'is required: the API token of the ops endpoints' })
    .min(16, 'must be at least 16 characters'),
  CORE_CONSUMER_GROUP: env.string('core'),
  CORE_CUSTOMER_SIDE_GROUP: env.optionalString(),
  CORE_BATCH_SIZE: env.int(500, 1, 10_000),
  CORE_PARTITIONS_CONCURRENTLY: env.int(3, 1, 64),
  CORE_MAX_ATTEMPTS: env.int(8, 1, 1_000),
  OUTBOX_POLL_MS: env.int(200, 10, 60_000),
  OUTBOX_BATCH_SIZE: env.int(1_000, 1, 10_000),
  PHONE_DEFAULT_REGION: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code')
    .default('TR'),
  THREAD_CONVERSATION_WINDOW_HOURS: env.int(72, 1, 24 * 365),
  DUPLICATE_WINDOW_DAYS: env.int(7, 0, 365),
  CATEGORY_TREE_FILE: env.string('deploy/seed/category-tree.json'),
  BUSINESS_CALENDAR_FILE: env.string('deploy/seed/business-calendar.json'),
  SLA_ACKNOWLEDGE_HOURS: env.int(6, 1, 1_000),
  SLA_REGISTRATION_DAYS: env.int(3, 1, 365),
  SLA_RESOLUTION_DAYS: env.int(10, 1, 365),
  SLA_WARNING_PERCENT: env.int(80, 1, 99),
  SLA_CHECK_INTERVAL_MS: env.int(30_000, 100, 3_600_000),
  ROUTING_REFRESH_MS: env.int(60_000, 1_000, 3_600_000),
  // Ops API (issue 7): the quiet period after Resolved, and how often core looks for its end.
  CASE_CLOSE_AFTER_RESOLVED_DAYS: env.int(14, 1, 365),
  CASE_CLOSE_CHECK_INTERVAL_MS: env.int(3_600_000, 100, 86_400_000),
  CONSUMER_LAG_INTERVAL_MS: env.int(15_000, 100, 3_600_000),
  // The customer's side (issue 8): tracking link, notifications, tracking limits, retention.
  CORE_TRACKING_URL: env.url('http://localhost:3001/track'),
  CORE_ACK_EMAIL_ACCOUNT: z.string().max(200).default(''),
  CASE_NOTIFY_STATUSES: z
    .string()
    .default('in_progress,resolved,closed')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(CaseStatusSchema)),
  TRACK_RATE_WINDOW_SECONDS: env.int(600, 1, 86_400),
  TRACK_RATE_PER_IP: env.int(60, 1, 1_000_000),
  TRACK_RATE_PER_REFERENCE: env.int(10, 1, 1_000_000),
  RETENTION_DAYS: env.int(365, 1, 36_500),
  RETENTION_CHECK_INTERVAL_MS: env.int(3_600_000, 100, 86_400_000),
  BLOB_STORE_DIR: env.string('data/blobs'),
});

/** Every variable core reads: the README's configuration table must list them all. */
export const CORE_ENV_VARIABLES = Object.keys(coreEnv.shape);

export interface CoreConfig extends CommonConfig {
  port: number;
  host: string;
  referencePrefix: string;
  timeZone: string;
  adminToken: string;
  consumer: {
    groupId: string;
    /** The group of core's own case events read back for the customer's side (acknowledgements...). */
    customerSideGroupId: string;
    batchSize: number;
    partitionsConcurrently: number;
    maxAttempts: number;
  };
  outbox: { pollMs: number; batchSize: number };
  phoneDefaultRegion: string;
  threading: { conversationWindowMs: number; duplicateWindowMs: number };
  categoryTreeFile: string;
  businessCalendarFile: string;
  sla: {
    targets: { acknowledgeHours: number; registrationDays: number; resolutionDays: number };
    warningRatio: number;
    checkIntervalMs: number;
  };
  routingRefreshMs: number;
  workflow: { closeAfterResolvedDays: number; closeCheckIntervalMs: number };
  ops: { consumerLagIntervalMs: number };
  customer: {
    trackingUrl: string;
    /** The mailbox e-mail acknowledgements of web-form and call-centre cases go from; '' = none. */
    ackEmailAccount: string;
    notifyStatuses: CaseStatus[];
    tracking: { windowSeconds: number; perIp: number; perReference: number };
    retention: { days: number; checkIntervalMs: number; blobDir: string };
  };
}

export const CORE_CONFIG = Symbol('CORE_CONFIG');

/** The only place core reads its environment. Throws a ConfigException listing every problem. */
export function loadCoreConfig(source: Record<string, string | undefined>): CoreConfig {
  const e = parseEnv('core', coreEnv, source);
  return {
    port: e.CORE_PORT,
    host: e.CORE_HOST,
    referencePrefix: e.REFERENCE_PREFIX,
    timeZone: e.TIME_ZONE,
    adminToken: e.ADMIN_TOKEN,
    ...commonConfig(e),
    consumer: {
      groupId: e.CORE_CONSUMER_GROUP,
      customerSideGroupId: e.CORE_CUSTOMER_SIDE_GROUP ?? `${e.CORE_CONSUMER_GROUP}-customer-side`,
      batchSize: e.CORE_BATCH_SIZE,
      partitionsConcurrently: e.CORE_PARTITIONS_CONCURRENTLY,
      maxAttempts: e.CORE_MAX_ATTEMPTS,
    },
    outbox: { pollMs: e.OUTBOX_POLL_MS, batchSize: e.OUTBOX_BATCH_SIZE },
    phoneDefaultRegion: e.PHONE_DEFAULT_REGION,
    threading: {
      conversationWindowMs: e.THREAD_CONVERSATION_WINDOW_HOURS * 3_600_000,
      duplicateWindowMs: e.DUPLICATE_WINDOW_DAYS * 86_400_000,
    },
    categoryTreeFile: e.CATEGORY_TREE_FILE,
    businessCalendarFile: e.BUSINESS_CALENDAR_FILE,
    sla: {
      targets: {
        acknowledgeHours: e.SLA_ACKNOWLEDGE_HOURS,
        registrationDays: e.SLA_REGISTRATION_DAYS,
        resolutionDays: e.SLA_RESOLUTION_DAYS,
      },
      warningRatio: e.SLA_WARNING_PERCENT / 100,
      checkIntervalMs: e.SLA_CHECK_INTERVAL_MS,
    },
    routingRefreshMs: e.ROUTING_REFRESH_MS,
    workflow: {
      closeAfterResolvedDays: e.CASE_CLOSE_AFTER_RESOLVED_DAYS,
      closeCheckIntervalMs: e.CASE_CLOSE_CHECK_INTERVAL_MS,
    },
    ops: { consumerLagIntervalMs: e.CONSUMER_LAG_INTERVAL_MS },
    customer: {
      trackingUrl: e.CORE_TRACKING_URL,
      ackEmailAccount: e.CORE_ACK_EMAIL_ACCOUNT,
      notifyStatuses: e.CASE_NOTIFY_STATUSES,
      tracking: {
        windowSeconds: e.TRACK_RATE_WINDOW_SECONDS,
        perIp: e.TRACK_RATE_PER_IP,
        perReference: e.TRACK_RATE_PER_REFERENCE,
      },
      retention: {
        days: e.RETENTION_DAYS,
        checkIntervalMs: e.RETENTION_CHECK_INTERVAL_MS,
        blobDir: e.BLOB_STORE_DIR,
      },
    },
  };
}
