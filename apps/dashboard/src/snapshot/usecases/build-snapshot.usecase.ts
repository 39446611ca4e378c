import { Injectable } from '@nestjs/common';
import { seesOperations, type Viewer } from '../../auth/viewer';
import { ChannelBoard } from '../../channels/channel-board';
import type { ChannelRow } from '../../channels/channel-row';
import { HistoryReplay } from '../../channels/history-replay';
import { QrImages } from '../../channels/qr-images';
import { CorePanels } from '../../core-api/core-panels';
import { ConsumerLagMonitor } from '../../lag/consumer-lag.monitor';
import type { ChannelRowView, DashboardSnapshot } from '../dto/dashboard-snapshot';

/**
 * The board, the lag and core's figures put together for one viewer. What only ops and admins
 * may see (dead letters, the QR code that would link a WhatsApp session to any phone that scans
 * it) is left out for managers.
 */
@Injectable()
export class BuildSnapshot {
  constructor(
    private readonly board: ChannelBoard,
    private readonly replay: HistoryReplay,
    private readonly lag: ConsumerLagMonitor,
    private readonly panels: CorePanels,
    private readonly qrImages: QrImages,
  ) {}

  async execute(viewer: Viewer): Promise<DashboardSnapshot> {
    const now = Date.now();
    const core = await this.panels.forToken(viewer.tokenHash, viewer.token);
    const operations = seesOperations(viewer);
    const deadLetters = operations ? core.deadLetters : null;
    const channels = await Promise.all(
      this.board.rows(now).map((row) => this.view(row, operations, deadLetters?.byChannel ?? null)),
    );
    return {
      generatedAt: new Date(now).toISOString(),
      historyReady: this.replay.ready,
      viewer: { name: viewer.name, role: viewer.role, regionCode: viewer.regionCode },
      channels,
      consumerLag: this.lag.latest(),
      deadLetters,
      sla: core.sla,
      core: { reachable: core.coreReachable, fetchedAt: core.fetchedAt },
    };
  }

  private async view(
    { qr, ...row }: ChannelRow,
    operations: boolean,
    deadLettersByChannel: Record<string, number> | null,
  ): Promise<ChannelRowView> {
    return {
      ...row,
      qrImage: operations && qr ? await this.qrImages.dataUrl(qr) : null,
      deadLettersWaiting: deadLettersByChannel ? (deadLettersByChannel[row.channel] ?? 0) : null,
    };
  }
}
