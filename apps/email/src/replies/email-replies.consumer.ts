import { EventPattern, Payload } from '@nestjs/microservices';
import { Topics } from '@app/contracts';
import { KafkaConsumer, type BatchOutcome, type ConsumedBatch } from '@app/kafka';
import { SendReply } from './usecases/send-reply.usecase';

/** Core's replies to e-mail customers (consumer group EMAIL_REPLY_CONSUMER_GROUP). */
@KafkaConsumer()
export class EmailRepliesConsumer {
  constructor(private readonly sendReply: SendReply) {}

  @EventPattern(Topics.OutboundReplies)
  handle(@Payload() batch: ConsumedBatch<typeof Topics.OutboundReplies>): Promise<BatchOutcome> {
    return this.sendReply.execute(batch);
  }
}
