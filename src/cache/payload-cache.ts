// The shared, short-TTL cache of validated upstream payloads. The client
// only sees this interface; where entries live (process memory or Redis) is
// decided once, in createPayloadCache.
import type Redis from 'ioredis';
import { memoryPayloadCache } from './memory';
import { redisPayloadCache } from './redis';

/**
 * A cache of validated upstream payloads, keyed by the upstream request
 * (method, URL and a hash of the API key: never the key itself). Entries
 * expire after the cache's TTL; nothing else invalidates them.
 */
export interface PayloadCache {
  /** The cached payload, or undefined on a miss or when the store is unavailable. Never rejects. */
  get(key: string): Promise<unknown>;
  /** Stores a payload (`sizeBytes`: its JSON size). Never rejects: a failed write is a later miss. */
  set(key: string, value: unknown, sizeBytes: number): Promise<void>;
  /** Releases connections; later calls are misses. */
  close(): Promise<void>;
}

export interface PayloadCacheOptions {
  /** 0 turns caching off. */
  readonly ttlMs: number;
  /** The gateway's shared Redis connection (src/shared-state); undefined: process memory. */
  readonly redis?: Redis;
  /** Called when a Redis command fails and the cache answers as a miss instead. */
  readonly onRedisFallback?: () => void;
}

/** The configured cache, or undefined when caching is off. */
export function createPayloadCache(options: PayloadCacheOptions): PayloadCache | undefined {
  if (options.ttlMs <= 0) return undefined;
  if (options.redis) {
    return redisPayloadCache({ redis: options.redis, ttlMs: options.ttlMs, onFallback: options.onRedisFallback ?? (() => {}) });
  }
  return memoryPayloadCache({ ttlMs: options.ttlMs });
}
