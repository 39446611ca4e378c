import { Logger } from '@nestjs/common';
import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { KafkaModuleOptions } from './kafka.options';

/** KafkaJS logs through Nest's logger (pino), warnings and up only. */
function logCreator() {
  const logger = new Logger('kafkajs');
  return ({ level, log }: LogEntry) => {
    const { message, ...extra } = log as { message: string } & Record<string, unknown>;
    // Only these fields: KafkaJS can attach request payloads, which may carry personal data.
    const entry = {
      namespace: extra.namespace,
      broker: extra.broker,
      error: extra.error,
      groupId: extra.groupId,
    };
    if (level === logLevel.ERROR) logger.error(entry, message);
    else if (level === logLevel.WARN) logger.warn(entry, message);
    else logger.debug?.(entry, message);
  };
}

export function createKafkaClient(options: KafkaModuleOptions): Kafka {
  return new Kafka({
    clientId: options.serviceName,
    brokers: options.brokers,
    connectionTimeout: 5_000,
    requestTimeout: 30_000,
    retry: { initialRetryTime: 300, maxRetryTime: 10_000, retries: 8 },
    logLevel: logLevel.WARN,
    logCreator,
  });
}
