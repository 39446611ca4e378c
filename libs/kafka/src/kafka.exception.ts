import { GatewayException } from '@app/platform';

/** Failures talking to Kafka; publish failures are retriable, contract violations are not. */
export class KafkaException extends GatewayException {}
