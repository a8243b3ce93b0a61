import type { KeyValueStore } from './store';

type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** The shape of @fastify/rate-limit's `store` option (a class it instantiates with its options). */
export interface RateLimitStoreClass {
  new (options: object): RateLimitCounterStore;
}

export interface RateLimitCounterStore {
  incr(key: string, callback: IncrCallback, timeWindow: number, max: number): void;
  child(routeOptions: object): RateLimitCounterStore;
}

/**
 * A @fastify/rate-limit store counting in `counters` (fixed windows). Only
 * what the gateway configures is supported: no `continueExceeding`,
 * `exponentialBackoff` or `{ increment: false }` reads.
 */
export function rateLimitStoreClass(counters: KeyValueStore<unknown>): RateLimitStoreClass {
  return class CounterStore implements RateLimitCounterStore {
    constructor(
      _options: object,
      private readonly keyPrefix = '',
    ) {}

    incr(key: string, callback: IncrCallback, timeWindow: number): void {
      counters.increment(this.keyPrefix + key, timeWindow).then(
        ({ count, resetInMs }) => callback(null, { current: count, ttl: resetInMs }),
        (error: Error) => callback(error),
      );
    }

    /** Routes with their own limit count apart, keyed the way the plugin's own stores do. */
    child(routeOptions: object): RateLimitCounterStore {
      // The plugin passes the route's merged limit options, the route itself under `routeInfo`.
      const route = (routeOptions as { routeInfo?: { method?: unknown; url?: string } }).routeInfo ?? {};
      return new CounterStore({}, `${this.keyPrefix}${String(route.method ?? '')}${route.url ?? ''}-`);
    }
  };
}
