import type { PersistedQueryOptions } from '@apollo/server';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { APQ_TTL_SECONDS } from '../stores';

/**
 * Apollo's automatic persisted queries (APQ) in the gateway's APQ store
 * (src/stores): in memory, or in Redis with REDIS_URL so every replica knows
 * every registered hash. The store answers from memory while Redis fails.
 */
export function persistedQueryOptions(cache: KeyValueCache<string>): PersistedQueryOptions {
  return { cache, ttl: APQ_TTL_SECONDS };
}
