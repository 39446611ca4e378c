import { EventPattern, Payload } from '@nestjs/microservices';
import { Topics } from '@app/contracts';
import { KafkaConsumer, type BatchOutcome, type ConsumedBatch } from '@app/kafka';
import { SendWhatsAppReply } from './usecases/send-whatsapp-reply.usecase';

/** Core's replies for WhatsApp customers (group `whatsapp-replies`; other channels' are skipped). */
@KafkaConsumer()
export class WhatsAppRepliesConsumer {
  constructor(private readonly sendReply: SendWhatsAppReply) {}

  @EventPattern(Topics.OutboundReplies)
  handle(@Payload() batch: ConsumedBatch<typeof Topics.OutboundReplies>): Promise<BatchOutcome> {
    return this.sendReply.execute(batch);
  }
}
