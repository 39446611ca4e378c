import { Injectable } from '@nestjs/common';
import { isTopicName } from '@app/contracts';
import { EventPublisher } from '@app/kafka';
import { DataSource } from 'typeorm';
import { DeadLetterException } from '../dead-letter.exception';
import { DeadLetterRepository } from '../dead-letter.repository';
import { isReplayable, type DeadLetterResponse } from '../dto/dead-letter.response';
import { lockWaitingLetter, settleLetter } from './settle-dead-letter';

export interface ChannelReplayResult {
  channel: string;
  replayed: number;
  failed: { id: string; code: string }[];
}

/**
 * Puts a dead letter's original bytes back on its source topic, with its original key so it
 * rejoins its partition's order. The row stays locked while publishing, so two people replaying
 * at once send it once. Replaying twice is harmless anyway: core recognises a message it already
 * recorded (same channel and source id).
 */
@Injectable()
export class ReplayDeadLetter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly letters: DeadLetterRepository,
    private readonly publisher: EventPublisher,
  ) {}

  async execute(id: string, actor: string): Promise<DeadLetterResponse> {
    return this.dataSource.transaction(async (em) => {
      const letter = await lockWaitingLetter(this.letters, em, id);
      if (
        !isReplayable(letter) ||
        letter.source.kind !== 'kafka' ||
        !isTopicName(letter.source.topic)
      )
        throw new DeadLetterException(
          'dead_letter_not_replayable',
          'only a message of a Kafka topic, kept as text, can be replayed',
        );
      const { topic, partition, key } = letter.source;
      await this.publisher.publishPrevalidated([
        { topic, key: key ?? `${topic}:${partition}`, value: letter.payload.data },
      ]);
      return settleLetter(this.letters, em, {
        id: letter.id,
        status: 'replayed',
        actor,
        details: { topic },
      });
    });
  }

  /** Every waiting letter of a channel, oldest first; one that fails does not stop the others. */
  async channel(channel: string, actor: string): Promise<ChannelReplayResult> {
    const ids = await this.letters.waitingIdsOfChannel(this.dataSource.manager, channel, 10_000);
    const result: ChannelReplayResult = { channel, replayed: 0, failed: [] };
    for (const id of ids) {
      try {
        await this.execute(id, actor);
        result.replayed++;
      } catch (error) {
        if (!(error instanceof DeadLetterException)) throw error;
        result.failed.push({ id, code: error.code });
      }
    }
    return result;
  }
}
