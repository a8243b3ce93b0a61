import { LRUCache } from 'lru-cache';
import type { PayloadCache } from './payload-cache';

/** Far more than the pages a UI asks for within a short TTL, and a hard bound on memory. */
export const MEMORY_CACHE_MAX_BYTES = 16 * 1024 * 1024;

interface Entry {
  readonly value: unknown;
}

/**
 * An in-process LRU bounded by total payload size (JSON bytes) and TTL.
 * Payloads are shared by reference between requests: nothing downstream of
 * the client mutates them.
 */
export function memoryPayloadCache(options: {
  ttlMs: number;
  maxBytes?: number;
  /** Milliseconds on a monotonic clock; tests pass their own to expire entries without waiting. */
  now?: () => number;
}): PayloadCache {
  const lru = new LRUCache<string, Entry>({
    ttl: options.ttlMs,
    // Read the clock on every check instead of caching it behind a 1 ms timer.
    ttlResolution: 0,
    ...(options.now ? { perf: { now: options.now } } : {}),
    maxSize: options.maxBytes ?? MEMORY_CACHE_MAX_BYTES,
    // A payload bigger than the whole budget is simply not kept.
    maxEntrySize: options.maxBytes ?? MEMORY_CACHE_MAX_BYTES,
  });
  return {
    get: (key) => Promise.resolve(lru.get(key)?.value),
    set: (key, value, sizeBytes) => {
      lru.set(key, { value }, { size: Math.max(1, sizeBytes) });
      return Promise.resolve();
    },
    close: () => {
      lru.clear();
      return Promise.resolve();
    },
  };
}
