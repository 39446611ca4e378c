import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface RateLimitDecision {
  allowed: boolean;
  /** Seconds until the current window ends: the Retry-After of a refusal. */
  retryAfterSeconds: number;
}

@Injectable()
export class RateLimitRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Counts one request of `subject` in the current fixed window, unless the window is full:
   * refused requests are not counted, so a client waiting out Retry-After is let in on time.
   * One statement, with PostgreSQL's clock, so every instance shares the same windows.
   */
  async hit(subject: string, max: number, windowSeconds: number): Promise<RateLimitDecision> {
    const [row]: { hits: number | null; remaining: string }[] = await this.dataSource.query(
      `WITH counted AS (
         INSERT INTO rate_limit_windows AS w (subject, window_start, hits)
         VALUES ($1, to_timestamp(floor(extract(epoch FROM now()) / $2) * $2), 1)
         ON CONFLICT (subject, window_start) DO UPDATE SET hits = w.hits + 1 WHERE w.hits < $3
         RETURNING hits
       )
       SELECT (SELECT hits FROM counted) AS hits,
              $2 - mod(extract(epoch FROM now()), $2) AS remaining`,
      [subject, windowSeconds, max],
    );
    return {
      allowed: row.hits !== null,
      retryAfterSeconds: Math.max(1, Math.ceil(Number(row.remaining))),
    };
  }

  /** Drops windows that ended more than a window ago; returns how many rows went. */
  async deleteEnded(windowSeconds: number): Promise<number> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM rate_limit_windows WHERE window_start < now() - make_interval(secs => $1 * 2)`,
      [windowSeconds],
    );
    return count;
  }
}
