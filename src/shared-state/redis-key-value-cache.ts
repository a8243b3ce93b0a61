import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type Redis from 'ioredis';

/** Called when Redis fails a command; the cache then behaves as a miss. */
export type CacheErrorHandler = (operation: 'get' | 'set' | 'delete', error: unknown) => void;

/**
 * Apollo's KeyValueCache (the interface its APQ store, response cache and
 * data sources take) over the gateway's shared ioredis client. Failures are
 * reported and turned into misses, so a Redis outage costs cache hits, never
 * requests. Keys are namespaced by `prefix`; the caller owns the connection.
 */
export class RedisKeyValueCache implements KeyValueCache<string> {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly onError: CacheErrorHandler,
  ) {}

  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.redis.get(this.prefix + key)) ?? undefined;
    } catch (error) {
      this.onError('get', error);
      return undefined;
    }
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    try {
      const ttl = options?.ttl;
      // Apollo's TTLs are seconds; a missing or null TTL means "until evicted".
      if (ttl) await this.redis.set(this.prefix + key, value, 'EX', Math.ceil(ttl));
      else await this.redis.set(this.prefix + key, value);
    } catch (error) {
      this.onError('set', error);
    }
  }

  async delete(key: string): Promise<boolean | void> {
    try {
      return (await this.redis.del(this.prefix + key)) > 0;
    } catch (error) {
      this.onError('delete', error);
    }
  }
}
