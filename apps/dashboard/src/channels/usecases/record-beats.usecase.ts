import { Injectable } from '@nestjs/common';
import type { Topics } from '@app/contracts';
import type { ConsumedBatch } from '@app/kafka';
import { BoardTicker } from '../board-ticker';
import { ChannelBoard } from '../channel-board';
import { HistoryReplay } from '../history-replay';

/** Puts a batch of beats on the board; a beat that changes a row's state is pushed at once. */
@Injectable()
export class RecordBeats {
  constructor(
    private readonly board: ChannelBoard,
    private readonly replay: HistoryReplay,
    private readonly ticker: BoardTicker,
  ) {}

  execute(batch: ConsumedBatch<typeof Topics.ChannelHealth>): void {
    this.board.observe(
      batch.map((m) => m.value),
      Date.now(),
    );
    const last = batch[batch.length - 1];
    if (last) this.replay.consumed(last.partition, last.offset);
    this.ticker.checkForChanges();
  }
}
