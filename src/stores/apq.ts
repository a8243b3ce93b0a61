import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { KeyValueStore } from './store';

/**
 * Apollo's KeyValueCache (what its APQ takes) over a store. Apollo's TTLs
 * are seconds, and a missing one means "until evicted": here that is
 * `defaultTtlMs`, since every store entry expires.
 */
export function storeKeyValueCache(store: KeyValueStore<string>, defaultTtlMs: number): KeyValueCache<string> {
  return {
    get: (key) => store.get(key),
    set: (key: string, value: string, options?: KeyValueCacheSetOptions) =>
      store.set(key, value, options?.ttl ? options.ttl * 1000 : defaultTtlMs),
    delete: (key) => store.delete(key),
  };
}
