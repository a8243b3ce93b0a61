// Everything the gateway shares across replicas, created in one place: in
// Redis when REDIS_URL is set (one connection, each store under its own
// key namespace, each falling back to memory while Redis fails), else in
// process memory. Stores take callbacks for logs and metrics; they know
// nothing of HTTP, GraphQL or config.
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type Redis from 'ioredis';
import { storeKeyValueCache } from './apq';
import { withFallback } from './fallback';
import { memoryStore, type MemoryStoreOptions } from './memory';
import { payloadCache, payloadCodec, payloadMemoryOptions, type PayloadCache } from './payload-cache';
import { rateLimitStoreClass, type RateLimitStoreClass } from './rate-limit-store';
import { writeGenerations, type WriteGenerations } from './write-generations';
import { closeRedis, createRedis, whenRedisReady } from './redis';
import { watchRedis, type RedisAvailability, type RedisHealth, type StoreLog } from './redis-health';
import { redisStore, stringCodec, type Codec } from './redis-store';
import type { FallbackHandler, KeyValueStore } from './store';

export type { FallbackHandler, KeyValueStore, StoreOperation, WindowCount } from './store';
export type { PayloadCache } from './payload-cache';
export type { RateLimitStoreClass } from './rate-limit-store';

/**
 * Redis key namespaces, one per store. They are the ones each store used
 * before this layer, so replicas of the previous version share the same
 * entries during a rolling deploy.
 */
export const NAMESPACES = {
  // Apollo adds `apq:` itself.
  persisted_queries: 'phone-numbers-gateway:',
  response_cache: 'pngw:payload:v1:',
  rate_limit: 'pngw-rate-limit:',
  write_generation: 'pngw:write-generation:v1:',
  idempotency: 'pngw:idempotency:v1:',
} as const;

// Registered operations expire so a client cannot grow Redis without bound;
// an expired hash costs one PERSISTED_QUERY_NOT_FOUND round trip.
export const APQ_TTL_SECONDS = 86_400;
// Apollo's own in-memory APQ cache is this big.
const APQ_MEMORY_BYTES = 30 * 1024 * 1024;
// Thousands of clients' counters; past that the least recently seen start over.
const COUNTER_MEMORY_BYTES = 4 * 1024 * 1024;
// A day of mutation answers from a busy console, each a few KiB.
const IDEMPOTENCY_MEMORY_BYTES = 16 * 1024 * 1024;

export interface StoresOptions {
  /** REDIS_URL; undefined: every store in process memory. */
  readonly redisUrl?: string;
  /** Redis state changes (one line each) and fallbacks, as metrics and log lines. */
  readonly log: StoreLog;
  readonly metrics: RedisAvailability;
  readonly onFallback: FallbackHandler;
  /** The memory stores' clock (tests). */
  readonly now?: () => number;
}

export interface Stores {
  /** APQ registrations, for Apollo's `persistedQueries.cache`. */
  readonly apq: KeyValueCache<string>;
  /** Validated upstream payloads; each entry with the TTL its caller gives (CACHE_TTL_MS, AGENTS_CACHE_TTL_MS). */
  readonly payloads: PayloadCache;
  /** The write generation the upstream client's shared reads are checked against (fleet-wide with Redis). */
  readonly generations: WriteGenerations;
  /** Mutation answers by idempotency key, for replays (24 h). */
  readonly idempotency: KeyValueStore<string>;
  /** The `store` option of @fastify/rate-limit. */
  readonly rateLimit: RateLimitStoreClass;
  /** Undefined without REDIS_URL. */
  readonly redisHealth: RedisHealth | undefined;
  /** Whether Redis became ready within `timeoutMs` (true without Redis). It keeps reconnecting either way. */
  ready(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

type StoreSpec<V> = { name: keyof typeof NAMESPACES; codec: Codec<V>; memory: MemoryStoreOptions<V> };

/** One store by name: in memory, or in Redis under its namespace with memory as its fallback. */
function storeMaker(redis: Redis | undefined, onFallback: FallbackHandler) {
  return <V>(spec: StoreSpec<V>): KeyValueStore<V> => {
    const memory = memoryStore(spec.memory);
    if (!redis) return memory;
    const shared = redisStore(redis, { prefix: NAMESPACES[spec.name], codec: spec.codec });
    return withFallback(spec.name, shared, memory, onFallback);
  };
}

/** Connects to Redis in the background (a Redis that is down does not stop the gateway) and builds the stores. */
export function createStores(options: StoresOptions): Stores {
  const redis = options.redisUrl ? createRedis(options.redisUrl) : undefined;
  const redisHealth = redis
    ? watchRedis(redis, { connection: 'shared-state', log: options.log, metrics: options.metrics })
    : undefined;
  const store = storeMaker(redis, options.onFallback);
  const strings = { maxBytes: APQ_MEMORY_BYTES, sizeOf: (value: string) => value.length, now: options.now };
  const apq = store({ name: 'persisted_queries', codec: stringCodec, memory: strings });
  const counters = store({
    name: 'rate_limit',
    codec: stringCodec,
    memory: { ...strings, maxBytes: COUNTER_MEMORY_BYTES },
  });
  const payloads = store({ name: 'response_cache', codec: payloadCodec, memory: payloadMemoryOptions(options.now) });
  const generations = store({ name: 'write_generation', codec: stringCodec, memory: { ...strings, maxBytes: 1024 } });
  const idempotency = store({
    name: 'idempotency',
    codec: stringCodec,
    memory: { ...strings, maxBytes: IDEMPOTENCY_MEMORY_BYTES },
  });
  return {
    apq: storeKeyValueCache(apq, APQ_TTL_SECONDS * 1000),
    payloads: payloadCache(payloads),
    generations: writeGenerations(generations),
    idempotency,
    rateLimit: rateLimitStoreClass(counters),
    redisHealth,
    ready: (timeoutMs) => (redis ? whenRedisReady(redis, timeoutMs) : Promise.resolve(true)),
    close: () => (redis ? closeRedis(redis) : Promise.resolve()),
  };
}
