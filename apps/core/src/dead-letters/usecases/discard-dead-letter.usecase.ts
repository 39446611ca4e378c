import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeadLetterRepository } from '../dead-letter.repository';
import type { DiscardRequest } from '../dto/dead-letter.requests';
import type { DeadLetterResponse } from '../dto/dead-letter.response';
import { lockWaitingLetter, settleLetter } from './settle-dead-letter';

/** Gives up on a letter for a stated reason; it stays in the table, with its audit. */
@Injectable()
export class DiscardDeadLetter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly letters: DeadLetterRepository,
  ) {}

  async execute(id: string, request: DiscardRequest, actor: string): Promise<DeadLetterResponse> {
    return this.dataSource.transaction(async (em) => {
      const letter = await lockWaitingLetter(this.letters, em, id);
      return settleLetter(this.letters, em, {
        id: letter.id,
        status: 'discarded',
        actor,
        details: { reason: request.reason },
      });
    });
  }
}
