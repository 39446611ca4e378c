import { Inject, Injectable } from '@nestjs/common';
import { CORE_CONFIG, type CoreConfig } from '../../config/core.config';
import type { SlaStatsResponse } from '../dto/sla-stats.response';
import { slaAlerts } from '../sla-alerts';
import { SlaStatsRepository } from '../sla-stats.repository';

const share = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;

/** The dashboard's SLA panel. A manager gets their region's figures only. */
@Injectable()
export class GetSlaStats {
  constructor(
    @Inject(CORE_CONFIG) private readonly config: CoreConfig,
    private readonly stats: SlaStatsRepository,
  ) {}

  async execute(regionScope: string | null): Promise<SlaStatsResponse> {
    const now = new Date();
    const [figures, satisfaction] = await Promise.all([
      this.stats.figures(regionScope, now),
      this.stats.satisfaction(regionScope),
    ]);
    const byStatus: Record<string, number> = {};
    for (const row of figures.open) byStatus[row.status] = (byStatus[row.status] ?? 0) + row.count;
    return {
      at: now.toISOString(),
      regionCode: regionScope,
      openCases: {
        total: figures.open.reduce((n, r) => n + r.count, 0),
        byStatus,
        byRegion: figures.open,
      },
      acknowledgement: {
        targetHours: this.config.sla.targets.acknowledgeHours,
        ...figures.acknowledgement,
        share: share(figures.acknowledgement.withinTarget, figures.acknowledgement.due),
      },
      registration: {
        targetDays: this.config.sla.targets.registrationDays,
        ...figures.registration,
        share: share(figures.registration.withinTarget, figures.registration.due),
      },
      resolution: {
        targetDays: this.config.sla.targets.resolutionDays,
        ...figures.resolution,
        share: share(figures.resolution.withinTarget, figures.resolution.resolved),
      },
      escalated: figures.escalated,
      alerts: slaAlerts(figures.alerts),
      satisfaction,
    };
  }
}
