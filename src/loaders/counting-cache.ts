import type DataLoader from 'dataloader';

/** Where cache hits and misses are reported (GatewayMetrics.cacheLookup). */
export type CacheLookupListener = (cache: string, result: 'hit' | 'miss') => void;

/**
 * A DataLoader cache map that reports each lookup: DataLoader reads its map
 * once per `load()`, so a found entry is a call saved within the request.
 */
export class CountingCacheMap<K, V> implements DataLoader.CacheMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(
    private readonly cache: string,
    private readonly onLookup: CacheLookupListener,
  ) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    this.onLookup(this.cache, value === undefined ? 'miss' : 'hit');
    return value;
  }

  set(key: K, value: V): this {
    this.entries.set(key, value);
    return this;
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
