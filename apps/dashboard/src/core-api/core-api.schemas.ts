import { SLA_TARGETS, type SlaTarget } from '@app/contracts';
import { z } from 'zod';

/** Core's ops API as the dashboard reads it; unknown extra fields are ignored. */
export const IdentitySchema = z.object({
  name: z.string(),
  role: z.enum(['admin', 'ops', 'manager']),
  // Core leaves the field out for roles without a region.
  regionCode: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
});
export type Identity = z.infer<typeof IdentitySchema>;
export type Role = Identity['role'];

const share = z.number().min(0).max(1).nullable();
const count = z.number().int().nonnegative();
const hours = z.number().nonnegative().nullable();
const alertCounts = z.object({ warning: count, breached: count });

/** The SLA panel as the page draws it (the snapshot's `sla`). */
export interface SlaStats {
  openByStatus: Record<string, number>;
  openByRegion: { regionCode: string | null; count: number }[];
  acknowledgedWithinTargetShare: number | null;
  registeredWithinTargetShare: number | null;
  averageResolutionHours: number | null;
  averageResolutionTargetHours: number | null;
  resolvedWithinTargetShare: number | null;
  escalatedOpen: number;
  /** Open cases core's SLA monitor warned about (80% of a target's time), none past a deadline. */
  warningsOpen: number;
  /** Open cases with a target past its deadline and still unmet. */
  breachedOpen: number;
  /** The same per target; a case late on two targets counts under both. */
  alertsByTarget: Record<SlaTarget, { warning: number; breached: number }>;
  /** Average answer of the post-resolution survey (1 to 5), null while nobody answered. */
  satisfactionAverage: number | null;
  satisfactionResponses: number;
}

/**
 * `GET /api/v1/stats/sla` (core's SlaStatsResponse), turned into the panel's figures. Only the
 * open-case counts are required: a figure core does not send is shown as "no data" rather than
 * failing the whole panel.
 */
export const SlaStatsSchema = z
  .object({
    openCases: z.object({
      byStatus: z.record(z.string(), count),
      // One row per region and status: the panel sums them per region.
      byRegion: z.array(z.object({ regionCode: z.string().nullable(), count })),
    }),
    acknowledgement: z.object({ share }).optional(),
    registration: z.object({ share }).optional(),
    resolution: z
      .object({ share, averageHours: hours, targetAverageHours: hours })
      .partial()
      .optional(),
    escalated: z.object({ open: count }).optional(),
    // Core counts each case once in `warning` / `breached`, by its worst target.
    alerts: alertCounts
      .extend({
        byTarget: z
          .object({
            acknowledge: alertCounts,
            registration: alertCounts,
            resolution: alertCounts,
          })
          .partial()
          .optional(),
      })
      .optional(),
    satisfaction: z.object({ average: hours, count }).nullish(),
  })
  .transform((core): SlaStats => ({
    openByStatus: core.openCases.byStatus,
    openByRegion: sumPerRegion(core.openCases.byRegion),
    acknowledgedWithinTargetShare: core.acknowledgement?.share ?? null,
    registeredWithinTargetShare: core.registration?.share ?? null,
    averageResolutionHours: core.resolution?.averageHours ?? null,
    averageResolutionTargetHours: core.resolution?.targetAverageHours ?? null,
    resolvedWithinTargetShare: core.resolution?.share ?? null,
    escalatedOpen: core.escalated?.open ?? 0,
    warningsOpen: core.alerts?.warning ?? 0,
    breachedOpen: core.alerts?.breached ?? 0,
    alertsByTarget: Object.fromEntries(
      SLA_TARGETS.map((t) => [t, core.alerts?.byTarget?.[t] ?? { warning: 0, breached: 0 }]),
    ) as SlaStats['alertsByTarget'],
    satisfactionAverage: core.satisfaction?.average ?? null,
    satisfactionResponses: core.satisfaction?.count ?? 0,
  }));

function sumPerRegion(
  rows: readonly { regionCode: string | null; count: number }[],
): SlaStats['openByRegion'] {
  const sums = new Map<string | null, number>();
  for (const r of rows) sums.set(r.regionCode, (sums.get(r.regionCode) ?? 0) + r.count);
  return [...sums].map(([regionCode, n]) => ({ regionCode, count: n }));
}

/** The dead-letter panel (the snapshot's `deadLetters`). */
export interface DeadLetterSummary {
  waiting: number;
  byChannel: Record<string, number>;
  byReason: Record<string, number>;
}

/**
 * `GET /api/v1/dead-letters/summary`: core's waiting letters per channel, each with its counts
 * per reason code. Letters of no channel count in `waiting` and `byReason` only.
 */
export const DeadLetterSummarySchema = z
  .array(
    z.object({
      channel: z.string().nullable(),
      waiting: count,
      byReason: z.record(z.string(), count).optional(),
    }),
  )
  .transform((rows): DeadLetterSummary => {
    const byReason: Record<string, number> = {};
    for (const row of rows)
      for (const [reason, n] of Object.entries(row.byReason ?? {}))
        byReason[reason] = (byReason[reason] ?? 0) + n;
    return {
      waiting: rows.reduce((n, r) => n + r.waiting, 0),
      byChannel: Object.fromEntries(
        rows.flatMap((r) => (r.channel === null ? [] : [[r.channel, r.waiting]])),
      ),
      byReason,
    };
  });
