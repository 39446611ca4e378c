import { EventPattern, Payload } from '@nestjs/microservices';
import { Topics } from '@app/contracts';
import { KafkaConsumer, type ConsumedBatch } from '@app/kafka';
import { RecordBeats } from './usecases/record-beats.usecase';

@KafkaConsumer()
export class ChannelHealthConsumer {
  constructor(private readonly recordBeats: RecordBeats) {}

  @EventPattern(Topics.ChannelHealth)
  handle(@Payload() batch: ConsumedBatch<typeof Topics.ChannelHealth>): void {
    this.recordBeats.execute(batch);
  }
}
