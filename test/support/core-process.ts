import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from './kafka-helpers';
import type { TestEnvironment } from './test-environment';

const root = join(__dirname, '..', '..');

/**
 * Core as a separate operating-system process from the build in dist/ (`npm test` builds first),
 * for what an in-process app cannot show: being killed with SIGKILL.
 */
export class CoreProcess {
  private child?: ChildProcess;
  private output = '';

  constructor(
    private readonly env: TestEnvironment,
    private readonly port: number,
    private readonly overrides: Record<string, string> = {},
  ) {}

  async start(): Promise<void> {
    this.child = spawn(
      join(root, 'node_modules/.bin/node'),
      [
        ...readFileSync(join(root, 'deploy/node-options'), 'utf8').split(/\s+/).filter(Boolean),
        join(root, 'dist/apps/core/src/main.js'),
      ],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH,
          ...this.env.env({ CORE_PORT: String(this.port), ...this.overrides }),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const collect = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    this.child.stdout!.on('data', collect);
    this.child.stderr!.on('data', collect);
    await eventually(
      async () => {
        if (this.child?.exitCode !== null) throw new Error(`core exited:\n${this.output}`);
        return (await fetch(`http://127.0.0.1:${this.port}/health`)).ok ? true : undefined;
      },
      60_000,
      'core process to be healthy',
    );
  }

  kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }
}
