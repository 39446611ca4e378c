import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { DataSource } from 'typeorm';
import { DeadLetterException } from '../dead-letter.exception';
import { DeadLetterRepository, type StoredDeadLetter } from '../dead-letter.repository';
import { toDeadLetterResponse, type DeadLetterResponse } from '../dto/dead-letter.response';

export function deadLetterNotFound(): DeadLetterException {
  return new DeadLetterException('dead_letter_not_found', 'no dead letter has this id');
}

/** A letter's id from the URL: anything but a UUID cannot be one. */
export function letterId(id: string): string {
  if (!z.uuid().safeParse(id).success) throw deadLetterNotFound();
  return id;
}

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
      const letter: StoredDeadLetter | null = await this.letters.find(em, letterId(id));
      if (!letter) throw deadLetterNotFound();
      await this.letters.audit(em, letter.id, actor, 'inspected');
      return toDeadLetterResponse(letter, await this.letters.auditOf(em, letter.id));
    });
  }
}
