import type { PersistedQueryOptions } from '@apollo/server';
import type { FastifyBaseLogger } from 'fastify';
import type Redis from 'ioredis';
import { RedisKeyValueCache } from '../shared-state/redis-key-value-cache';

/** Namespace for the gateway's keys in a Redis it may share with other services. */
const KEY_PREFIX = 'phone-numbers-gateway:';
// Registered operations expire so a client cannot grow Redis without bound;
// an expired hash costs one PERSISTED_QUERY_NOT_FOUND round trip.
const REDIS_TTL_SECONDS = 86_400;

/**
 * Apollo's automatic persisted queries (APQ): in Apollo's in-memory LRU
 * cache by default, in Redis when one is configured so every replica knows
 * every registered hash. Redis failures are logged and count as misses.
 */
export function persistedQueryOptions(redis: Redis | undefined, log: FastifyBaseLogger): PersistedQueryOptions {
  if (!redis) return {};
  const cache = new RedisKeyValueCache(redis, KEY_PREFIX, (operation, error) =>
    log.warn({ operation, err: error }, 'persisted query store (Redis) failed; treating as a miss'),
  );
  return { cache, ttl: REDIS_TTL_SECONDS };
}
