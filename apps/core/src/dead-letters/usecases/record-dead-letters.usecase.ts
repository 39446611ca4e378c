import { Injectable } from '@nestjs/common';
import type { Topics } from '@app/contracts';
import type { BatchOutcome, ConsumedBatch } from '@app/kafka';
import { DataSource } from 'typeorm';
import { channelOf } from '../dead-letter-channel';
import { DeadLetterRepository } from '../dead-letter.repository';

/**
 * Takes dead letters off intake.dlq.v1 into a table ops can browse. Never rejects a letter: a
 * rejected one would go back to the same topic.
 */
@Injectable()
export class RecordDeadLetters {
  constructor(
    private readonly dataSource: DataSource,
    private readonly letters: DeadLetterRepository,
  ) {}

  async execute(batch: ConsumedBatch<typeof Topics.DeadLetters>): Promise<BatchOutcome> {
    await this.dataSource.transaction((em) =>
      this.letters.insert(
        em,
        batch.map((m) => ({ letter: m.value, channel: channelOf(m.value) })),
      ),
    );
    return {};
  }
}
