import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeadLetterRepository } from '../dead-letter.repository';
import type { ListDeadLettersQuery } from '../dto/dead-letter.requests';
import {
  toDeadLetterItem,
  type DeadLetterChannelSummary,
  type DeadLetterSummaryItem,
} from '../dto/dead-letter.response';

/** The dead-letter list and the per-channel and per-reason counts the dashboard shows. Read-only. */
@Injectable()
export class ListDeadLetters {
  constructor(
    private readonly dataSource: DataSource,
    private readonly letters: DeadLetterRepository,
  ) {}

  async execute(query: ListDeadLettersQuery): Promise<DeadLetterSummaryItem[]> {
    const rows = await this.letters.list(
      this.dataSource.manager,
      { channel: query.channel, status: query.status },
      query.limit,
    );
    return rows.map(toDeadLetterItem);
  }

  async summary(): Promise<DeadLetterChannelSummary[]> {
    return (await this.letters.waitingPerChannel(this.dataSource.manager)).map((r) => ({
      channel: r.channel,
      waiting: r.waiting,
      oldestFailedAt: new Date(r.oldestFailedAt).toISOString(),
      byReason: r.byReason,
    }));
  }
}
