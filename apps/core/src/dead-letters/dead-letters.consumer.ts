import { EventPattern, Payload } from '@nestjs/microservices';
import { Topics } from '@app/contracts';
import { KafkaConsumer, type BatchOutcome, type ConsumedBatch } from '@app/kafka';
import { RecordDeadLetters } from './usecases/record-dead-letters.usecase';

@KafkaConsumer()
export class DeadLettersConsumer {
  constructor(private readonly recordDeadLetters: RecordDeadLetters) {}

  @EventPattern(Topics.DeadLetters)
  handle(@Payload() batch: ConsumedBatch<typeof Topics.DeadLetters>): Promise<BatchOutcome> {
    return this.recordDeadLetters.execute(batch);
  }
}
