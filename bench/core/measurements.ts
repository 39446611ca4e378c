import type { Admin } from 'kafkajs';
import { readFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/** Messages a consumer group has not committed yet, over every partition of `topic`. */
export async function lag(admin: Admin, groupId: string, topic: string): Promise<number> {
  const [high, committed] = await Promise.all([
    admin.fetchTopicOffsets(topic),
    admin.fetchOffsets({ groupId, topics: [topic] }),
  ]);
  const done = new Map(
    committed[0]?.partitions.map((p) => [p.partition, Math.max(0, Number(p.offset))]) ?? [],
  );
  return high.reduce((sum, p) => sum + Number(p.high) - (done.get(p.partition) ?? 0), 0);
}

/** Waits until the group has committed everything on the topic; returns when that happened. */
export async function drained(
  admin: Admin,
  groupId: string,
  topic: string,
  timeoutMs: number,
): Promise<number> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if ((await lag(admin, groupId, topic)) === 0) return Date.now();
    if (Date.now() > until)
      throw new Error(`${groupId} did not drain ${topic} within ${timeoutMs} ms`);
    await delay(100);
  }
}

/** Peak resident set size of a process so far (VmHWM), in MB. */
export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

/** Whether something accepts connections on 127.0.0.1:`port`. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const answer = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.once('connect', () => answer(true)).once('error', () => answer(false));
    socket.connect(port, '127.0.0.1');
  });
}
