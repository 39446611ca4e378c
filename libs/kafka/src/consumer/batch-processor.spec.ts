import type { DeadLetterV1, InboundMessageV1 } from '@app/contracts';
import { GatewayException } from '@app/platform';
import type { KafkaMessage } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { BatchProcessor, type BatchControls, type BatchProcessingOptions } from './batch-processor';
import type { ConsumedBatch } from './consumed-message';

class TestFailure extends GatewayException {
  constructor(code: string, retriable: boolean) {
    super(code, `${code} happened`, retriable);
  }
}

function envelope(text: string): InboundMessageV1 {
  const id = randomUUID();
  return {
    schemaVersion: 1,
    messageId: id,
    channel: 'web-form',
    channelAccount: 'default',
    sourceId: id,
    receivedAt: new Date().toISOString(),
    sender: { email: 'ayse@example.com' },
    text,
    attachments: [],
  };
}

function kafkaMessages(values: (string | InboundMessageV1)[]): KafkaMessage[] {
  return values.map((v, i) => ({
    offset: String(100 + i),
    key: Buffer.from('k'),
    value: Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)),
    timestamp: '0',
    attributes: 0,
    headers: {},
  }));
}

function controls() {
  const commits: string[] = [];
  const c: BatchControls = {
    heartbeat: jest.fn(() => Promise.resolve()),
    isRunning: () => true,
    isStale: () => false,
    commit: (offset) => {
      commits.push(offset);
      return Promise.resolve();
    },
  };
  return { controls: c, commits };
}

const options = (overrides: Partial<BatchProcessingOptions> = {}): BatchProcessingOptions => ({
  maxBatchSize: 10,
  isolateAfterAttempts: 2,
  maxAttempts: 3,
  dependenciesHealthy: () => Promise.resolve(true),
  backoff: { initialMs: 1, maxMs: 2, factor: 1 },
  deadLetters: true,
  ...overrides,
});

describe('BatchProcessor', () => {
  it('hands valid messages to the handler, dead-letters broken ones, then commits the last offset', async () => {
    const seen: string[] = [];
    const letters: DeadLetterV1[] = [];
    const processor = new BatchProcessor(
      'core',
      (batch: ConsumedBatch) => {
        seen.push(...batch.map((m) => (m.value as InboundMessageV1).text));
        return Promise.resolve();
      },
      (l) => {
        letters.push(...l);
        return Promise.resolve();
      },
      options(),
    );
    const { controls: c, commits } = controls();
    await processor.process(
      'intake.messages.v1',
      2,
      kafkaMessages([envelope('a'), 'not json', envelope('b')]),
      c,
    );
    expect(seen).toEqual(['a', 'b']);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      reason: { code: 'malformed_json' },
      source: { partition: 2, offset: '101' },
    });
    expect(commits).toEqual(['102']);
  });

  it('isolates a message the handler refuses for good, so the others still go through', async () => {
    const processed: string[] = [];
    const letters: DeadLetterV1[] = [];
    const processor = new BatchProcessor(
      'core',
      (batch: ConsumedBatch) => {
        if (batch.some((m) => (m.value as InboundMessageV1).text === 'poison')) {
          return Promise.reject(new TestFailure('bad_row', false));
        }
        processed.push(...batch.map((m) => (m.value as InboundMessageV1).text));
        return Promise.resolve();
      },
      (l) => {
        letters.push(...l);
        return Promise.resolve();
      },
      options(),
    );
    const { controls: c, commits } = controls();
    await processor.process(
      'intake.messages.v1',
      0,
      kafkaMessages([envelope('a'), envelope('poison'), envelope('b')]),
      c,
    );
    expect(processed).toEqual(['a', 'b']);
    expect(
      letters.map((l) => [l.reason.code, l.source.kind === 'kafka' && l.source.offset]),
    ).toEqual([['bad_row', '101']]);
    expect(commits).toEqual(['102']);
  });

  it('retries a passing failure and commits nothing until it succeeds', async () => {
    let calls = 0;
    const processor = new BatchProcessor(
      'core',
      () =>
        ++calls < 3
          ? Promise.reject(new TestFailure('database_unavailable', true))
          : Promise.resolve(),
      () => Promise.reject(new Error('no dead letters expected')),
      options({ isolateAfterAttempts: 5 }),
    );
    const { controls: c, commits } = controls();
    await processor.process(
      'intake.messages.v1',
      0,
      kafkaMessages([envelope('a'), envelope('b')]),
      c,
    );
    expect(calls).toBe(3);
    expect(commits).toEqual(['101']);
  });

  it('waits out an outage instead of dead-lettering, and dead-letters only when dependencies are healthy', async () => {
    let healthy = false;
    let healthChecks = 0;
    const letters: DeadLetterV1[] = [];
    const processor = new BatchProcessor(
      'core',
      () => Promise.reject(new TestFailure('database_unavailable', true)),
      (l) => {
        letters.push(...l);
        return Promise.resolve();
      },
      options({
        maxAttempts: 2,
        dependenciesHealthy: () => {
          // Down for the first three checks, then back: only then may the message be given up.
          healthy = ++healthChecks > 3;
          return Promise.resolve(healthy);
        },
      }),
    );
    const { controls: c, commits } = controls();
    await processor.process('intake.messages.v1', 0, kafkaMessages([envelope('a')]), c);
    expect(healthChecks).toBe(4);
    expect(letters.map((l) => l.reason.code)).toEqual(['retries_exhausted']);
    expect(commits).toEqual(['100']);
  });

  it('keeps retrying the dead-letter publication rather than committing past a lost message', async () => {
    let publishAttempts = 0;
    const processor = new BatchProcessor(
      'core',
      () => Promise.resolve(),
      () => (++publishAttempts < 3 ? Promise.reject(new Error('broker down')) : Promise.resolve()),
      options(),
    );
    const { controls: c, commits } = controls();
    await processor.process('intake.messages.v1', 0, kafkaMessages(['{broken']), c);
    expect(publishAttempts).toBe(3);
    expect(commits).toEqual(['100']);
  });

  it('stops without committing when the consumer is shutting down', async () => {
    const processor = new BatchProcessor(
      'core',
      () => Promise.resolve(),
      () => Promise.resolve(),
      options(),
    );
    const { controls: c, commits } = controls();
    await expect(
      processor.process('intake.messages.v1', 0, kafkaMessages([envelope('a')]), {
        ...c,
        isRunning: () => false,
      }),
    ).rejects.toThrow('consumer stopping');
    expect(commits).toEqual([]);
  });
});
