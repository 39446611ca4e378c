import { Topics } from '@app/contracts';
import { inboundMessageKey } from '@app/contracts';
import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { Client } from 'pg';
import { runBaseline } from './baseline-consumer';
import { loadBenchConfig } from './bench.config';
import { measureLatency } from './latency-probe';
import { drained, peakRssMb, percentile, portOpen } from './measurements';
import { StreamGenerator } from './stream-generator';

const root = join(__dirname, '..', '..', '..');

async function sql(url: string, text: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const config = loadBenchConfig();
  const id = `bench${Date.now()}`;
  const databaseUrl = Object.assign(new URL(config.postgresUrl), {
    pathname: `/cg_${id}`,
  }).toString();
  const prefix = `${id}.`;
  const intake = `${prefix}${Topics.IntakeMessages}`;
  const baselineTopic = `${prefix}baseline`;
  const log = (line: string) => process.stdout.write(`${line}\n`);

  // A broker already answering on the port (the tests' own, say) is used as it is.
  if (!(await portOpen(config.kafkaPort))) {
    execFileSync(join(root, 'deploy/kafka/start.sh'), {
      env: { ...process.env, KAFKA_PORT: String(config.kafkaPort) },
      stdio: 'inherit',
    });
  }
  const kafka = new Kafka({
    clientId: 'bench',
    brokers: [`127.0.0.1:${config.kafkaPort}`],
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: [intake, baselineTopic].map((topic) => ({
      topic,
      numPartitions: config.partitions,
      replicationFactor: 1,
    })),
  });

  const generator = new StreamGenerator(20261122, Math.max(1_000, Math.floor(config.messages / 3)));
  const stream = generator.generate(config.messages);
  log(`stream: ${stream.messages.length} messages ${JSON.stringify(stream.mix)}`);

  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  for (let i = 0; i < stream.messages.length; i += 1_000) {
    const messages = stream.messages
      .slice(i, i + 1_000)
      .map((m) => ({ key: inboundMessageKey(m), value: JSON.stringify(m) }));
    await producer.sendBatch({
      acks: -1,
      topicMessages: [
        { topic: intake, messages },
        { topic: baselineTopic, messages },
      ],
    });
  }
  await producer.disconnect();
  log('published to the intake and baseline topics');

  await sql(config.postgresUrl, `CREATE DATABASE "cg_${id}"`);
  const baseline = await runBaseline(kafka, baselineTopic, databaseUrl, stream.messages.length);
  const baselineRate = (stream.messages.length / baseline.elapsedMs) * 1000;
  log(`baseline: ${Math.round(baselineRate)} msg/s`);

  const port = 30_000 + Math.floor(Math.random() * 10_000);
  const core = spawn(
    join(root, 'node_modules/.bin/node'),
    [...config.coreNodeFlags, join(root, 'dist/apps/core/src/main.js')],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: databaseUrl,
        KAFKA_BROKERS: `127.0.0.1:${config.kafkaPort}`,
        KAFKA_TOPIC_PREFIX: prefix,
        KAFKA_TOPIC_PARTITIONS: String(config.partitions),
        ADMIN_TOKEN: 'bench-admin-token-0123456789',
        METRICS_TOKEN: 'bench-metrics-token-0123456789',
        LOG_LEVEL: 'warn',
        CORE_PORT: String(port),
        CORE_HOST: '127.0.0.1',
        // Settings under test can be passed through: BENCH_CORE_PARTITIONS_CONCURRENTLY=6...
        ...Object.fromEntries(
          Object.entries(process.env)
            .filter(([k]) => k.startsWith('BENCH_CORE_') && k !== 'BENCH_CORE_NODE_FLAGS')
            .map(([k, v]) => [k.slice('BENCH_'.length), v]),
        ),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  try {
    for (;;) {
      const healthy = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (healthy) break;
      if (core.exitCode !== null) throw new Error('core exited during start-up');
      await delay(50);
    }
    const started = Date.now();
    const finished = await drained(admin, 'core', intake, 600_000);
    const throughput = (stream.messages.length / (finished - started)) * 1000;
    log(`core: ${Math.round(throughput)} msg/s`);
    const outcome = await countOutcome(databaseUrl);
    log(`outcome: ${JSON.stringify(outcome)}`);
    // Events trail the cases they describe (the outbox relay): the latency phase starts in the
    // steady state, once the backlog of the bulk phase is out.
    const eventsOut = await outboxDrained(databaseUrl, 600_000);
    log(`outbox drained ${Math.round((eventsOut - finished) / 100) / 10} s after the intake`);

    const probe = await measureLatency(
      kafka,
      { intake, events: `${prefix}${Topics.CaseEvents}` },
      () => generator.complaint(),
      config.rate,
      config.latencySeconds,
    );
    const p50 = percentile(probe.samples, 50);
    const p99 = percentile(probe.samples, 99);
    log(
      `latency at ${config.rate} msg/s: p50 ${p50} ms, p99 ${p99} ms (${probe.samples.length} of ${probe.offered}, ${probe.lost} unanswered)`,
    );
    log(
      `  of which publish -> core starts the batch: p50 ${percentile(probe.toCore, 50)} ms, p99 ${percentile(probe.toCore, 99)} ms`,
    );
    const rss = peakRssMb(core.pid!);

    const results = {
      measured_at: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        memory_gb: Math.round(totalmem() / 2 ** 30),
        kafka: '3.9.2 (same machine)',
        postgres: 'same machine',
      },
      messages: stream.messages.length,
      mix: stream.mix,
      outcome,
      throughput_msgs_s: Math.round(throughput),
      baseline_msgs_s: Math.round(baselineRate),
      ratio: Math.round((throughput / baselineRate) * 100) / 100,
      offered_rate_msgs_s: config.rate,
      p50_ms: p50,
      p99_ms: p99,
      latency_samples: probe.samples.length,
      rss_mb: rss,
      outbox_drain_s: Math.round((eventsOut - finished) / 100) / 10,
    };
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    writeFileSync(join(root, 'bench/results/core.json'), `${JSON.stringify(results, null, 2)}\n`);
    updatePerformanceDoc(results);
    log(JSON.stringify(results, null, 2));
  } finally {
    core.kill('SIGTERM');
    await new Promise((resolve) => core.once('exit', resolve));
    await admin
      .deleteTopics({ topics: (await admin.listTopics()).filter((t) => t.startsWith(prefix)) })
      .catch(() => undefined);
    await admin.disconnect();
    await sql(config.postgresUrl, `DROP DATABASE IF EXISTS "cg_${id}" WITH (FORCE)`);
  }
}

async function outboxDrained(databaseUrl: string, timeoutMs: number): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM core.outbox`,
      );
      if (rows[0].n === 0) return Date.now();
      if (Date.now() > until) throw new Error('the outbox did not drain');
      await delay(200);
    }
  } finally {
    await client.end();
  }
}

/** What core made of the stream: the benchmark checks the work, not only its speed. */
async function countOutcome(databaseUrl: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, number>>(
      `SELECT count(*)::int AS messages,
              (SELECT count(*)::int FROM core.cases) AS cases,
              count(*) FILTER (WHERE link_kind = 'duplicate')::int AS cross_channel_duplicates,
              count(*) FILTER (WHERE link_kind IN ('email_thread', 'conversation', 'reference'))::int AS replies_attached,
              coalesce(sum(duplicate_count), 0)::int AS redeliveries_recognised,
              count(*) FILTER (WHERE case_id IS NULL)::int AS undecided
         FROM core.messages`,
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

function updatePerformanceDoc(r: {
  throughput_msgs_s: number;
  baseline_msgs_s: number;
  ratio: number;
  p50_ms: number;
  p99_ms: number;
  rss_mb: number;
  messages: number;
  measured_at: string;
  offered_rate_msgs_s: number;
}): void {
  const file = join(root, 'docs/performance.md');
  const doc = readFileSync(file, 'utf8');
  const table = [
    '<!-- bench:core:start -->',
    `Last run: ${r.measured_at.slice(0, 16).replace('T', ' ')} UTC, ${r.messages.toLocaleString('en')} messages.`,
    '',
    '| figure | target | measured |',
    '| --- | --- | --- |',
    `| sustained throughput | ≥ 5,000 msg/s | ${r.throughput_msgs_s.toLocaleString('en')} msg/s |`,
    `| raw baseline (KafkaJS + batched INSERT) | | ${r.baseline_msgs_s.toLocaleString('en')} msg/s |`,
    `| core / baseline | ≥ 0.5 | ${r.ratio} |`,
    `| p50 latency at ${r.offered_rate_msgs_s.toLocaleString('en')} msg/s | | ${r.p50_ms} ms |`,
    `| p99 latency at ${r.offered_rate_msgs_s.toLocaleString('en')} msg/s | < 250 ms | ${r.p99_ms} ms |`,
    `| core peak RSS | < 300 MB | ${r.rss_mb} MB |`,
    '<!-- bench:core:end -->',
  ].join('\n');
  writeFileSync(
    file,
    doc.replace(/<!-- bench:core:start -->[\s\S]*<!-- bench:core:end -->/, table),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
