import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { startProcess } from './process';

const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';

/** A throwaway redis-server on a loopback port: nothing persisted, stopped by the test. */
export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts redis-server (which `.ci/run` installs) and waits until it accepts connections. */
export async function startRedisServer(): Promise<RedisServer> {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(`redis-server not found at ${REDIS_SERVER}: run .ci/run, or apt-get install -y redis-server`);
  }
  const port = await freePort();
  const redis = startProcess(
    REDIS_SERVER,
    ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'],
    { cwd: '/tmp', env: {} },
  );
  try {
    await redis.waitForLine(/Ready to accept connections/);
  } catch (error) {
    redis.kill();
    throw error;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (redis.child.exitCode !== null || redis.child.signalCode !== null) return;
      redis.child.kill('SIGTERM');
      await redis.exited;
    },
  };
}
