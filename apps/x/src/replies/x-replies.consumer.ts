import { EventPattern, Payload } from '@nestjs/microservices';
import { Topics } from '@app/contracts';
import { KafkaConsumer, type BatchOutcome, type ConsumedBatch } from '@app/kafka';
import { SendReply } from './usecases/send-reply.usecase';

/** Core's replies for X customers (consumer group `x-replies`; other channels' are skipped). */
@KafkaConsumer()
export class XRepliesConsumer {
  constructor(private readonly sendReply: SendReply) {}

  @EventPattern(Topics.OutboundReplies)
  handle(@Payload() batch: ConsumedBatch<typeof Topics.OutboundReplies>): Promise<BatchOutcome> {
    return this.sendReply.execute(batch);
  }
}
