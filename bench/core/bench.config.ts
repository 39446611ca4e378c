import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The benchmark's settings: the one place it reads the environment. */
export interface BenchConfig {
  messages: number;
  kafkaPort: number;
  postgresUrl: string;
  /** Offered load of the latency phase, messages per second. */
  rate: number;
  latencySeconds: number;
  partitions: number;
  /** Node flags for core: deploy/node-options, as deployed, plus BENCH_CORE_NODE_FLAGS (e.g. `--cpu-prof`). */
  coreNodeFlags: string[];
}

export function loadBenchConfig(
  env: Record<string, string | undefined> = process.env,
): BenchConfig {
  const int = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value <= 0)
      throw new Error(`${name} must be a positive integer`);
    return value;
  };
  return {
    messages: int('BENCH_MESSAGES', 100_000),
    kafkaPort: int('BENCH_KAFKA_PORT', 19092),
    postgresUrl: env.BENCH_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    rate: int('BENCH_RATE', 1_000),
    latencySeconds: int('BENCH_LATENCY_SECONDS', 30),
    partitions: int('BENCH_PARTITIONS', 6),
    coreNodeFlags:
      `${readFileSync(join(__dirname, '../../../deploy/node-options'), 'utf8')} ${env.BENCH_CORE_NODE_FLAGS ?? ''}`
        .split(/\s+/)
        .filter(Boolean),
  };
}
