import { EventPattern, Payload } from '@nestjs/microservices';
import { Topics } from '@app/contracts';
import { KafkaConsumer, type ConsumedBatch } from '@app/kafka';
import { ReferenceWaiter } from './reference-waiter';

/**
 * Feeds case events to the ReferenceWaiter. An app that answers synchronously (web form, call
 * centre) lists it among its controllers and connects a consumer with a group of its own per
 * instance (see `referenceWaiterConsumerOptions`).
 */
@KafkaConsumer()
export class CaseEventsConsumer {
  constructor(private readonly waiter: ReferenceWaiter) {}

  @EventPattern(Topics.CaseEvents)
  handle(@Payload() batch: ConsumedBatch<typeof Topics.CaseEvents>): void {
    this.waiter.observe(batch.map((m) => m.value));
  }
}
