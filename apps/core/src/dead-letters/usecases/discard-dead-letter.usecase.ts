import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeadLetterException } from '../dead-letter.exception';
import { DeadLetterRepository } from '../dead-letter.repository';
import type { DiscardRequest } from '../dto/dead-letter.requests';
import { toDeadLetterResponse, type DeadLetterResponse } from '../dto/dead-letter.response';
import { deadLetterNotFound, letterId } from './inspect-dead-letter.usecase';

/** Gives up on a letter for a stated reason; it stays in the table, with its audit. */
@Injectable()
export class DiscardDeadLetter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly letters: DeadLetterRepository,
  ) {}

  async execute(id: string, request: DiscardRequest, actor: string): Promise<DeadLetterResponse> {
    return this.dataSource.transaction(async (em) => {
      const letter = await this.letters.find(em, letterId(id), true);
      if (!letter) throw deadLetterNotFound();
      if (letter.status !== 'waiting')
        throw new DeadLetterException('dead_letter_not_waiting', `the letter is ${letter.status}`);
      await this.letters.setStatus(em, letter.id, 'discarded');
      await this.letters.audit(em, letter.id, actor, 'discarded', { reason: request.reason });
      const updated = (await this.letters.find(em, letter.id))!;
      return toDeadLetterResponse(updated, await this.letters.auditOf(em, letter.id));
    });
  }
}
