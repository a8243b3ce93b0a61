import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './ports';
import { startProcess, type RunningProcess } from './process';

// A real redis-server on a free loopback port, with a password (so REDIS_URL
// carries a secret the way production URLs do), persisting nothing: for tests
// of state shared across gateway replicas. `.ci/run` installs redis-server
// from Debian's packages when it is missing.

/** A redis-server the test owns: stop()/start() it to simulate an outage; close() when done. */
export interface TestRedis {
  /** redis://:<password>@127.0.0.1:<port> */
  readonly url: string;
  readonly password: string;
  readonly port: number;
  /** The redis-server process currently running (a new one after each start()). */
  readonly process: RunningProcess;
  /** SIGTERM, and wait until it has exited; start() brings it back on the same port, empty. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stop for good and remove its working directory. */
  close(): Promise<void>;
}

/** Whether redis-server is installed (`.ci/run` installs it; a developer machine may not have it). */
export function hasRedisServer(): boolean {
  const probe = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  return !probe.error && probe.status === 0;
}

/** Starts redis-server on 127.0.0.1 and a free port; resolves once it accepts connections. */
export async function startRedis(): Promise<TestRedis> {
  if (!hasRedisServer()) {
    throw new Error(
      'redis-server is not installed: these tests need a real Redis. ' +
        'Run .ci/run, or: apt-get update && apt-get install -y --no-install-recommends redis-server',
    );
  }
  const port = await freePort();
  const password = 'redis-test-password-9c1e';
  const dir = mkdtempSync(path.join(tmpdir(), 'pngw-redis-'));
  const args = [
    ...['--port', String(port), '--bind', '127.0.0.1', '--requirepass', password],
    ...['--save', '', '--appendonly', 'no', '--dir', dir],
  ];
  let running: RunningProcess | undefined;

  const start = async () => {
    const started = startProcess('redis-server', args, { cwd: dir, env: { PATH: process.env.PATH } });
    running = started;
    try {
      await started.waitForLine(/Ready to accept connections/, 10_000);
    } catch (error) {
      started.kill();
      throw error;
    }
  };
  const stop = async () => {
    const current = running;
    if (!current || current.child.exitCode !== null || current.child.signalCode !== null) return;
    current.child.kill('SIGTERM');
    await current.exited;
  };

  await start();
  return {
    url: `redis://:${password}@127.0.0.1:${port}`,
    password,
    port,
    get process() {
      return running!;
    },
    start,
    stop,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
