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
