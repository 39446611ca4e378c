import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { errorMessage } from '@app/platform';
import { SessionRepository } from './session.repository';

const EVERY_MS = 15 * 60 * 1000;

/** Deletes expired sessions; they are refused anyway, this only keeps the table small. */
@Injectable()
export class SessionJanitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionJanitor.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly sessions: SessionRepository) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async sweep(): Promise<void> {
    try {
      const removed = await this.sessions.deleteExpired();
      if (removed > 0) this.logger.log({ removed }, 'expired sessions removed');
    } catch (error) {
      this.logger.warn({ error: errorMessage(error) }, 'session sweep failed');
    }
  }
}
