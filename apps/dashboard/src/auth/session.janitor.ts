import { Injectable, Logger } from '@nestjs/common';
import { PeriodicJob, type PeriodicTaskOptions } from '@app/platform';
import { SessionRepository } from './session.repository';

const EVERY_MS = 15 * 60 * 1000;

/** Deletes expired sessions; they are refused anyway, this only keeps the table small. */
@Injectable()
export class SessionJanitor extends PeriodicJob {
  protected readonly logger = new Logger(SessionJanitor.name);

  constructor(private readonly sessions: SessionRepository) {
    super();
  }

  protected schedule(): PeriodicTaskOptions {
    return { failure: 'session sweep failed', everyMs: EVERY_MS, unref: true };
  }

  protected async round(): Promise<void> {
    const removed = await this.sessions.deleteExpired();
    if (removed > 0) this.logger.log({ removed }, 'expired sessions removed');
  }
}
