import { EventPattern, Payload } from '@nestjs/microservices';
import { Topics } from '@app/contracts';
import { KafkaConsumer, type BatchOutcome, type ConsumedBatch } from '@app/kafka';
import { HandleCustomerEvents } from './usecases/handle-customer-events.usecase';

/**
 * Core's consumer of its own cases.events.v1: the customer's side (acknowledgements, status
 * notifications, surveys, resolution-delay reminders). The only handler of that topic in core:
 * another feature reacting to case events adds its step to HandleCustomerEvents' dispatch.
 */
@KafkaConsumer()
export class CustomerEventsConsumer {
  constructor(private readonly handleEvents: HandleCustomerEvents) {}

  @EventPattern(Topics.CaseEvents)
  handle(@Payload() batch: ConsumedBatch<typeof Topics.CaseEvents>): Promise<BatchOutcome> {
    return this.handleEvents.execute(batch);
  }
}
