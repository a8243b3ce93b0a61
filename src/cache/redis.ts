import Redis from 'ioredis';
import type { CacheLogger, PayloadCache } from './payload-cache';

/** Namespaces our entries in a Redis that other parts (rate limits, other services) may share. */
const KEY_PREFIX = 'pngw:payload:v1:';
/** A cache that is slower than this is worse than no cache: give up and go to the upstream. */
const COMMAND_TIMEOUT_MS = 250;

/**
 * Payloads as JSON in Redis, expiring by TTL (`SET … PX`). When Redis is down
 * or slow, every call is a miss and the gateway keeps serving from the
 * upstream; the outage and the recovery are logged once each.
 */
export function redisPayloadCache(options: { url: string; ttlMs: number; log: CacheLogger }): PayloadCache {
  const redis = new Redis(options.url, {
    // Fail fast instead of queueing while disconnected: a miss beats a wait.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 250, 5_000),
  });
  let available = true;
  const degrade = (error: unknown) => {
    if (!available) return;
    available = false;
    // The message only: ioredis errors name host and port, never the URL's password.
    options.log.warn(
      { error: error instanceof Error ? error.message : String(error) },
      'payload cache: Redis unavailable, serving without cache',
    );
  };
  const recover = () => {
    if (available) return;
    available = true;
    options.log.info({}, 'payload cache: Redis available again');
  };
  redis.on('error', degrade);
  redis.on('ready', recover);
  const ready = () => redis.status === 'ready';
  return {
    async get(key) {
      if (!ready()) return undefined;
      let text: string | null;
      try {
        text = await redis.get(KEY_PREFIX + key);
      } catch (error) {
        degrade(error);
        return undefined;
      }
      recover();
      if (text === null) return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return undefined; // a damaged entry is a miss; the next write replaces it
      }
    },
    async set(key, value) {
      if (!ready()) return;
      try {
        await redis.set(KEY_PREFIX + key, JSON.stringify(value), 'PX', options.ttlMs);
        recover();
      } catch (error) {
        degrade(error);
      }
    },
    async close() {
      redis.removeAllListeners('error');
      redis.on('error', () => undefined);
      redis.disconnect();
    },
  };
}
