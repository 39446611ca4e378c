import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { deadLetterNotFound, letterId } from '../dead-letter.exception';
import { DeadLetterRepository } from '../dead-letter.repository';
import { toDeadLetterResponse, type DeadLetterResponse } from '../dto/dead-letter.response';

/**
 * One letter with its reason, source and masked payload. Looking at it is audited too: even
 * masked, the payload is a customer's message.
 */
@Injectable()
export class InspectDeadLetter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly letters: DeadLetterRepository,
  ) {}

  async execute(id: string, actor: string): Promise<DeadLetterResponse> {
    return this.dataSource.transaction(async (em) => {
      const letter = await this.letters.find(em, letterId(id));
      if (!letter) throw deadLetterNotFound();
      await this.letters.audit(em, letter.id, actor, 'inspected');
      return toDeadLetterResponse(letter, await this.letters.auditOf(em, letter.id));
    });
  }
}
