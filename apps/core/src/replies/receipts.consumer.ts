import { EventPattern, Payload } from '@nestjs/microservices';
import { Topics } from '@app/contracts';
import { KafkaConsumer, type BatchOutcome, type ConsumedBatch } from '@app/kafka';
import { RecordReceipts } from './usecases/record-receipts.usecase';

@KafkaConsumer()
export class ReceiptsConsumer {
  constructor(private readonly recordReceipts: RecordReceipts) {}

  @EventPattern(Topics.OutboundReceipts)
  handle(@Payload() batch: ConsumedBatch<typeof Topics.OutboundReceipts>): Promise<BatchOutcome> {
    return this.recordReceipts.execute(batch);
  }
}
