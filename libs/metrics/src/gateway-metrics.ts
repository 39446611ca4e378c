import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The gateway's metrics, one registry per app, named the same everywhere so one dashboard query
 * covers every app. Labels carry channel, account, status and reason codes: never personal data.
 */
@Injectable()
export class GatewayMetrics {
  readonly registry = new Registry();

  /** Messages an adapter took in (and core recorded). */
  readonly messagesReceived = new Counter({
    name: 'gateway_messages_received_total',
    help: 'Inbound messages taken in, by channel and account',
    labelNames: ['channel', 'account'] as const,
    registers: [this.registry],
  });

  /** Requests or messages refused: bad signature, invalid input, rate limit... */
  readonly messagesRejected = new Counter({
    name: 'gateway_messages_rejected_total',
    help: 'Inbound requests or messages refused, by channel and reason',
    labelNames: ['channel', 'reason'] as const,
    registers: [this.registry],
  });

  readonly duplicates = new Counter({
    name: 'gateway_duplicates_total',
    help: 'Redelivered messages recognised and not recorded again, by channel',
    labelNames: ['channel'] as const,
    registers: [this.registry],
  });

  readonly deadLetters = new Counter({
    name: 'gateway_dead_letters_total',
    help: 'Messages sent to the dead-letter topic, by reason code',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly processingSeconds = new Histogram({
    name: 'gateway_processing_seconds',
    help: 'Time to process a unit of work (an intake batch, a webhook request, a poll), by stage',
    labelNames: ['stage'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly consumerLag = new Gauge({
    name: 'gateway_consumer_lag',
    help: 'Messages not yet committed by a consumer group, by topic',
    labelNames: ['group', 'topic'] as const,
    registers: [this.registry],
  });

  readonly slaEvents = new Counter({
    name: 'gateway_sla_events_total',
    help: 'SLA warnings and breaches, by target',
    labelNames: ['kind', 'target'] as const,
    registers: [this.registry],
  });

  readonly replies = new Counter({
    name: 'gateway_replies_total',
    help: 'Replies to customers by channel and outcome (sent, failed...)',
    labelNames: ['channel', 'status'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
