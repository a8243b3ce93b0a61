import type Redis from 'ioredis';
import type { PayloadCache } from './payload-cache';

/** Namespaces our entries in the Redis that rate limits and persisted queries share. */
const KEY_PREFIX = 'pngw:payload:v1:';

/**
 * Payloads as JSON in the gateway's shared Redis (src/shared-state), expiring
 * by TTL (`SET … PX`). The connection is the caller's: it fails fast while
 * Redis is down (no offline queue) and its health is logged there, so here a
 * failed command is only reported through `onFallback` and becomes a miss;
 * the gateway keeps serving from the upstream.
 */
export function redisPayloadCache(options: { redis: Redis; ttlMs: number; onFallback: () => void }): PayloadCache {
  const { redis, ttlMs, onFallback } = options;
  return {
    async get(key) {
      let text: string | null;
      try {
        text = await redis.get(KEY_PREFIX + key);
      } catch {
        onFallback();
        return undefined;
      }
      if (text === null) return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return undefined; // a damaged entry is a miss; the next write replaces it
      }
    },
    async set(key, value) {
      try {
        await redis.set(KEY_PREFIX + key, JSON.stringify(value), 'PX', ttlMs);
      } catch {
        onFallback();
      }
    },
    // The shared connection is closed by its owner (SharedState).
    close: () => Promise.resolve(),
  };
}
