import { LRUCache } from 'lru-cache';
import type { KeyValueStore } from './store';

type Slot<V> = { readonly value: V } | { count: number };

// What a counter costs in the byte budget besides its key.
const COUNTER_BYTES = 16;

export interface MemoryStoreOptions<V> {
  /** Bound on the keys' and values' total size; an entry bigger than that is not kept. */
  readonly maxBytes: number;
  /** A value's size in bytes (approximately: it only has to bound memory). */
  readonly sizeOf: (value: V) => number;
  /** Milliseconds on a monotonic clock; tests pass their own to expire entries without waiting. */
  readonly now?: () => number;
}

/** A store in process memory: an LRU bounded by bytes, every entry with its own TTL. */
export function memoryStore<V>(options: MemoryStoreOptions<V>): KeyValueStore<V> {
  const lru = new LRUCache<string, Slot<V>>({
    maxSize: options.maxBytes,
    maxEntrySize: options.maxBytes,
    // Read the clock on every check instead of caching it behind a 1 ms timer.
    ttlResolution: 0,
    ...(options.now ? { perf: { now: options.now } } : {}),
  });
  const put = (key: string, slot: Slot<V>, ttlMs: number) => {
    const bytes = key.length + ('value' in slot ? options.sizeOf(slot.value) : COUNTER_BYTES);
    lru.set(key, slot, { ttl: ttlMs, size: Math.max(1, bytes) });
  };
  return {
    async get(key) {
      const slot = lru.get(key);
      return slot && 'value' in slot ? slot.value : undefined;
    },
    async set(key, value, ttlMs) {
      put(key, { value }, ttlMs);
    },
    async delete(key) {
      return lru.delete(key);
    },
    async increment(key, windowMs) {
      const slot = lru.get(key);
      if (slot && 'count' in slot) {
        slot.count += 1;
        return { count: slot.count, resetInMs: lru.getRemainingTTL(key) };
      }
      put(key, { count: 1 }, windowMs);
      return { count: 1, resetInMs: windowMs };
    },
    async setIfAbsent(key, value, ttlMs) {
      if (lru.has(key)) return false;
      put(key, { value }, ttlMs);
      return true;
    },
  };
}
