import { applyDecorators, Controller, UseFilters } from '@nestjs/common';
import { RethrowRpcExceptionFilter } from './rethrow-rpc.filter';

/**
 * Marks a class whose `@EventPattern(topic)` methods consume Kafka batches. Use it instead of
 * `@Controller()`: it keeps the handlers' exceptions intact for the transport, which decides
 * from their code and `retriable` flag whether to retry or dead-letter.
 */
export function KafkaConsumer(): ClassDecorator {
  return applyDecorators(Controller(), UseFilters(new RethrowRpcExceptionFilter()));
}
