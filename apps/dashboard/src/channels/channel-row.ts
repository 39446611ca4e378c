import type { Channel, HealthState } from '@app/contracts';

/**
 * Why a row shows the state it shows, when the adapters' own word is not the whole story:
 * `no-beat` (no instance beat for a few intervals), `stopped` (the last instance said goodbye),
 * `reported` (the instances say so), `instances-down` (some instances down, others up),
 * `silent` (no message for longer than the quiet period, in working time).
 */
export type RowReason = 'no-beat' | 'stopped' | 'reported' | 'instances-down' | 'silent';

/** One channel account as the board sees it; free of personal data by construction. */
export interface ChannelRow {
  key: string;
  channel: Channel;
  account: string;
  state: HealthState;
  reason: RowReason | null;
  detail: string | null;
  instances: { alive: number; total: number };
  lastBeatAt: string;
  lastMessageAt: string | null;
  lastSuccessAt: string | null;
  quietPeriodMinutes: number | null;
  /** Per minute over the last hour, oldest first. */
  perMinute: { received: number[]; errors: number[] };
  receivedLastHour: number;
  errorsLastHour: number;
  /** errors / (received + errors) over the last hour; null when nothing happened. */
  errorRate: number | null;
  lastError: { at: string; code: string | null; message: string } | null;
  /** The QR payload of a WhatsApp session waiting to be linked. */
  qr: string | null;
}
