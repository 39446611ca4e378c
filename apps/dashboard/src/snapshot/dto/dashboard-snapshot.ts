import type { Role, DeadLetterSummary, SlaStats } from '../../core-api/core-api.schemas';
import type { ChannelRow } from '../../channels/channel-row';
import type { LagReport } from '../../lag/consumer-lag';

export type ChannelRowView = Omit<ChannelRow, 'qr'> & {
  /** The QR code to scan as a PNG data URL; only for ops and admins. */
  qrImage: string | null;
  /** Dead letters of this row's channel waiting in core; null when not shown to this viewer. */
  deadLettersWaiting: number | null;
};

/**
 * Everything the page shows, for one viewer: the body of `GET /api/v1/channels/health` and of
 * every `snapshot` event of `GET /api/v1/channels/stream`. No personal data.
 */
export interface DashboardSnapshot {
  generatedAt: string;
  /** False while this instance is still reading the health topic's history after a start. */
  historyReady: boolean;
  viewer: { name: string; role: Role; regionCode: string | null };
  channels: ChannelRowView[];
  consumerLag: LagReport;
  /** Null for a manager (core answers 403) or while core has never answered. */
  deadLetters: DeadLetterSummary | null;
  sla: SlaStats | null;
  core: { reachable: boolean; fetchedAt: string | null };
}
