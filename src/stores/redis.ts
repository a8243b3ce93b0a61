import Redis from 'ioredis';

/**
 * The one Redis connection factory for state shared across replicas (rate
 * limits, response cache, persisted queries). Commands fail fast while Redis
 * is down instead of queueing, so callers can degrade (to memory, or to no
 * cache) and keep serving; the client reconnects by itself in the background.
 */
export function createRedis(url: string, options: { connectionName?: string } = {}): Redis {
  return new Redis(url, {
    connectionName: options.connectionName ?? 'phone-numbers-gateway',
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
    commandTimeout: 500,
    retryStrategy: (attempt) => Math.min(100 * 2 ** attempt, 5_000),
  });
}

/**
 * Closes a client from createRedis without throwing: QUIT when connected (so
 * pending replies arrive), otherwise drop the socket and stop reconnecting
 * (QUIT on a down connection fails, since the offline queue is off).
 */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'ready') {
    try {
      await redis.quit();
      return;
    } catch {
      // the connection went away meanwhile: disconnect below
    }
  }
  redis.disconnect();
}

/**
 * Resolves true once the client is connected, or false after `timeoutMs`
 * (it keeps reconnecting in the background). With the offline queue off,
 * commands sent before then fail, so the gateway waits this long at start.
 */
export function whenRedisReady(redis: Redis, timeoutMs: number): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const onReady = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      resolve(false);
    }, timeoutMs);
    redis.once('ready', onReady);
  });
}
