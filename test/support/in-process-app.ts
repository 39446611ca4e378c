import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { loadCoreConfig } from '../../apps/core/src/config/core.config';
import { startCore } from '../../apps/core/src/core.app';
import { eventually } from './kafka-helpers';
import type { TestEnvironment } from './test-environment';

/** An app started in the test's process, on a port of its own. */
export interface RunningApp {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

/**
 * Wraps a started app; ready means its health check passes (PostgreSQL, Kafka and the app's own
 * consumers answer). A test that starts an app meant to be unhealthy does not wait.
 */
export async function running(
  app: INestApplication,
  { waitHealthy = true } = {},
): Promise<RunningApp> {
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  if (waitHealthy) {
    await eventually(
      async () => ((await fetch(`${url}/health`)).ok ? true : undefined),
      30_000,
      `${url}/health`,
    );
  }
  return { app, url, close: () => app.close() };
}

/**
 * Core in this process, configured from variables as a deployment would be, with the test file's
 * own consumer group: consumer groups are cluster-wide, not under the topic prefix, and a group
 * shared with other test files on the shared broker rebalances whenever one of them starts or
 * stops, leaving this file's partitions unread for seconds at a time. Importing this (not
 * apps.ts) keeps a channel's tests from loading every app apps.ts knows.
 */
export async function startCoreWithOwnGroup(
  env: TestEnvironment,
  overrides: Record<string, string> = {},
): Promise<RunningApp> {
  const config = loadCoreConfig(env.env({ CORE_CONSUMER_GROUP: `core-${env.id}`, ...overrides }));
  return running(await startCore(config));
}
