import { Injectable } from '@nestjs/common';
import { HEALTH_STATES } from '@app/contracts';
import { GatewayMetrics } from '@app/metrics';
import { Gauge } from 'prom-client';
import { ChannelBoard } from './channel-board';

/**
 * The board at /metrics, so alerting does not need the page: `gateway_channel_state` is 1 for
 * the state each channel account is in now (0 for the others), and
 * `gateway_channel_last_message_timestamp_seconds` says when it last took a message in. Read from
 * the board at scrape time, so it is never stale.
 */
@Injectable()
export class BoardMetrics {
  constructor(metrics: GatewayMetrics, board: ChannelBoard) {
    new Gauge({
      name: 'gateway_channel_state',
      help: 'State of each channel account as the dashboard derives it (1 = current state)',
      labelNames: ['channel', 'account', 'state'] as const,
      registers: [metrics.registry],
      collect() {
        this.reset();
        for (const row of board.rows(Date.now()))
          for (const state of HEALTH_STATES)
            this.set(
              { channel: row.channel, account: row.account, state },
              row.state === state ? 1 : 0,
            );
      },
    });
    new Gauge({
      name: 'gateway_channel_last_message_timestamp_seconds',
      help: 'When each channel account last received a message (Unix seconds)',
      labelNames: ['channel', 'account'] as const,
      registers: [metrics.registry],
      collect() {
        this.reset();
        for (const row of board.rows(Date.now()))
          if (row.lastMessageAt)
            this.set(
              { channel: row.channel, account: row.account },
              Date.parse(row.lastMessageAt) / 1000,
            );
      },
    });
  }
}
