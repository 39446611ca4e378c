import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Subject } from 'rxjs';
import { DASHBOARD_CONFIG, type DashboardConfig } from '../config/dashboard.config';
import { ChannelBoard } from './channel-board';
import { HistoryReplay } from './history-replay';

/** States change with time alone (missed beats, a silent channel): look this often. */
const CHECK_EVERY_MS = 1_000;

/**
 * When open pages need a fresh snapshot: every push interval, and at once when any row changes
 * state, whether a beat said so or the clock did.
 */
@Injectable()
export class BoardTicker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly updates = new Subject<void>();
  private signature = '';
  private timers: NodeJS.Timeout[] = [];

  constructor(
    @Inject(DASHBOARD_CONFIG) private readonly config: DashboardConfig,
    private readonly board: ChannelBoard,
    private readonly replay: HistoryReplay,
  ) {}

  onApplicationBootstrap(): void {
    this.timers = [
      setInterval(() => this.checkForChanges(), CHECK_EVERY_MS),
      setInterval(() => this.updates.next(), this.config.pushIntervalMs),
    ];
    this.timers.forEach((t) => t.unref());
  }

  /** Open streams end here, so the HTTP server can close instead of waiting for them. */
  beforeApplicationShutdown(): void {
    this.timers.forEach((t) => clearInterval(t));
    this.updates.complete();
  }

  checkForChanges(): void {
    const signature = [
      this.replay.ready,
      ...this.board.rows(Date.now()).map((r) => `${r.key}=${r.state}/${r.reason ?? ''}`),
    ].join('|');
    if (signature === this.signature) return;
    this.signature = signature;
    this.updates.next();
  }
}
