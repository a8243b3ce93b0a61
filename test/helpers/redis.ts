import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { startProcess, type RunningProcess } from './process';

/** A throwaway redis-server on a loopback port, with a password, persisting nothing. */
export interface TestRedis {
  readonly url: string;
  readonly password: string;
  readonly process: RunningProcess;
  stop(): Promise<void>;
}

/** Whether redis-server is installed (`.ci/run` installs it; a developer machine may not have it). */
export function hasRedisServer(): boolean {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  const password = 'redis-test-password-9c1e';
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--requirepass',
    password,
  ];
  const running = startProcess('redis-server', args, { cwd: process.cwd(), env: { PATH: process.env.PATH } });
  await running.waitForLine(/Ready to accept connections/);
  return {
    url: `redis://:${password}@127.0.0.1:${port}`,
    password,
    process: running,
    async stop() {
      running.kill();
      await running.exited;
    },
  };
}
