import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startProcess, type RunningProcess } from './process';

// A real redis-server on a free loopback port, for tests of state shared
// across gateway replicas. `.ci/run` installs redis-server from Debian's
// packages when it is missing.

/** A redis-server the test owns: stop/start it to simulate an outage; close() when done. */
export interface RedisServer {
  readonly url: string;
  readonly port: number;
  /** SIGTERM, and wait until it has exited. */
  stop(): Promise<void>;
  /** Start again on the same port (empty: nothing is persisted). */
  start(): Promise<void>;
  /** Stop for good and remove its working directory. */
  close(): Promise<void>;
}

function assertInstalled(): void {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'redis-server is not installed: these tests need a real Redis. ' +
        'Run .ci/run, or: apt-get update && apt-get install -y --no-install-recommends redis-server',
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts redis-server on 127.0.0.1 and a free port; resolves once it accepts connections. */
export async function startRedis(): Promise<RedisServer> {
  assertInstalled();
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'pngw-redis-'));
  // No persistence, loopback only, its own working directory.
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
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
    running = undefined;
    if (!current) return;
    current.child.kill('SIGTERM');
    await current.exited;
  };

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
