import { EventPattern, Payload } from '@nestjs/microservices';
import { Topics } from '@app/contracts';
import { KafkaConsumer, type BatchOutcome, type ConsumedBatch } from '@app/kafka';
import { ProcessInboundBatch } from './usecases/process-inbound-batch.usecase';

@KafkaConsumer()
export class IntakeConsumer {
  constructor(private readonly processInboundBatch: ProcessInboundBatch) {}

  @EventPattern(Topics.IntakeMessages)
  handle(@Payload() batch: ConsumedBatch<typeof Topics.IntakeMessages>): Promise<BatchOutcome> {
    return this.processInboundBatch.execute(batch);
  }
}
