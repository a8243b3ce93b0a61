import Redis from 'ioredis';
import { createStores, type KeyValueStore, type StoreOperation } from '../../src/stores';
import { withFallback } from '../../src/stores/fallback';
import { memoryStore } from '../../src/stores/memory';
import { closeRedis, createRedis, whenRedisReady } from '../../src/stores/redis';
import { redisStore, stringCodec } from '../../src/stores/redis-store';
import { freePort } from '../helpers/ports';
import { startRedis, type TestRedis } from '../helpers/redis';
import { pollUntil } from '../helpers/wait';

// The store contract (src/stores/store.ts), one table of cases run against
// both implementations: memory (its clock is the test's) and a real
// redis-server (short PX values, polled until they expire). Then the
// fallback from Redis to memory while the redis-server is stopped.

const LONG_TTL_MS = 60_000;
const stringMemory = (now?: () => number) =>
  memoryStore({ maxBytes: 1 << 20, sizeOf: (value: string) => value.length, now });

interface Backend {
  readonly store: KeyValueStore<string>;
  /** A TTL that runs out during the test. */
  readonly shortTtlMs: number;
  /** Lets a short TTL run out, then resolves once `probe` holds. */
  afterShortTtl(probe: () => Promise<boolean>): Promise<void>;
}

function memoryBackend(): Backend {
  let now = 1_000;
  const shortTtlMs = 1_000;
  return {
    store: stringMemory(() => now),
    shortTtlMs,
    async afterShortTtl(probe) {
      // An entry is stale once strictly more than its TTL has passed.
      now += shortTtlMs + 1;
      await pollUntil(probe, 'the memory entry to expire', 1_000);
    },
  };
}

let redisServer: TestRedis;
let redis: Redis;
let inspect: Redis;
let keySpace = 0;

function redisBackend(): Backend {
  // A prefix per case: cases never see each other's keys.
  keySpace += 1;
  return {
    store: redisStore(redis, { prefix: `pngw-test:${keySpace}:`, codec: stringCodec }),
    shortTtlMs: 50,
    async afterShortTtl(probe) {
      await pollUntil(probe, 'the Redis entry to expire');
    },
  };
}

beforeAll(async () => {
  redisServer = await startRedis();
  redis = createRedis(redisServer.url);
  redis.on('error', () => undefined);
  inspect = new Redis(redisServer.url);
  expect(await whenRedisReady(redis, 5_000)).toBe(true);
});
afterAll(async () => {
  await closeRedis(redis);
  inspect?.disconnect();
  await redisServer?.close();
});

describe.each([
  ['memory', memoryBackend],
  ['redis', redisBackend],
])('the %s store', (_name, backend: () => Backend) => {
  it('gets what was set, overwrites on set, and deletes', async () => {
    const { store } = backend();
    expect(await store.get('k')).toBeUndefined();
    await store.set('k', 'one', LONG_TTL_MS);
    await store.set('k', 'two', LONG_TTL_MS);
    expect(await store.get('k')).toBe('two');
    expect(await store.delete('k')).toBe(true);
    expect(await store.delete('k')).toBe(false);
    expect(await store.get('k')).toBeUndefined();
  });

  it('forgets an entry once its TTL is over, and keeps the others', async () => {
    const { store, shortTtlMs, afterShortTtl } = backend();
    await store.set('short', 'gone soon', shortTtlMs);
    await store.set('long', 'stays', LONG_TTL_MS);
    await afterShortTtl(async () => (await store.get('short')) === undefined);
    expect(await store.get('long')).toBe('stays');
  });

  it('counts 50 parallel increments as 1..50 in one window', async () => {
    const { store } = backend();
    const counts = await Promise.all(Array.from({ length: 50 }, () => store.increment('c', LONG_TTL_MS)));
    expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    for (const { resetInMs } of counts) {
      expect(resetInMs).toBeGreaterThan(0);
      expect(resetInMs).toBeLessThanOrEqual(LONG_TTL_MS);
    }
  });

  it('starts a new window at 1 once the last one is over', async () => {
    const { store, shortTtlMs, afterShortTtl } = backend();
    await store.increment('c', shortTtlMs);
    await store.increment('c', shortTtlMs);
    await afterShortTtl(async () => (await store.increment('c', shortTtlMs)).count === 1);
  });

  it('lets exactly one of 20 racing setIfAbsent calls win, and never overwrites', async () => {
    const { store } = backend();
    const wins = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.setIfAbsent('once', `caller ${i}`, LONG_TTL_MS)),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await store.get('once')).toBe(`caller ${wins.indexOf(true)}`);
    expect(await store.setIfAbsent('once', 'late', LONG_TTL_MS)).toBe(false);
    expect(await store.get('once')).toBe(`caller ${wins.indexOf(true)}`);
  });

  it('lets setIfAbsent win again once the entry has expired', async () => {
    const { store, shortTtlMs, afterShortTtl } = backend();
    expect(await store.setIfAbsent('once', 'first', shortTtlMs)).toBe(true);
    await afterShortTtl(() => store.setIfAbsent('once', 'second', LONG_TTL_MS));
    expect(await store.get('once')).toBe('second');
  });
});

describe('the memory store', () => {
  it('stays within its byte budget: least recently used entries go first, an oversized one is not kept', async () => {
    const store = memoryStore({ maxBytes: 100, sizeOf: (value: string) => value.length });
    await store.set('a', 'x'.repeat(40), LONG_TTL_MS);
    await store.set('b', 'x'.repeat(40), LONG_TTL_MS);
    await store.get('a');
    await store.set('c', 'x'.repeat(40), LONG_TTL_MS);
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toBeDefined();
    await store.set('huge', 'x'.repeat(200), LONG_TTL_MS);
    expect(await store.get('huge')).toBeUndefined();
    expect(await store.get('c')).toBeDefined();
  });
});

describe('a Redis store with its memory fallback', () => {
  const PREFIX = 'pngw-test:fallback:';
  const fallbacks: Array<[string, StoreOperation]> = [];
  let store: KeyValueStore<string>;
  beforeAll(() => {
    const shared = redisStore(redis, { prefix: PREFIX, codec: stringCodec });
    store = withFallback('test_store', shared, stringMemory(), (name, operation) => fallbacks.push([name, operation]));
  });

  it('uses Redis while it is up, memory while it is down, and Redis again once it is back', async () => {
    await store.set('k', 'in redis', LONG_TTL_MS);
    expect(await inspect.get(`${PREFIX}k`)).toBe('in redis');
    expect(fallbacks).toEqual([]);

    inspect.disconnect();
    await redisServer.stop();
    await store.set('k', 'in memory', LONG_TTL_MS);
    expect(await store.get('k')).toBe('in memory');
    expect((await store.increment('n', LONG_TTL_MS)).count).toBe(1);
    expect((await store.increment('n', LONG_TTL_MS)).count).toBe(2);
    expect(await store.setIfAbsent('k', 'again', LONG_TTL_MS)).toBe(false);
    expect(fallbacks).toEqual(
      ['set', 'get', 'increment', 'increment', 'setIfAbsent'].map((operation) => ['test_store', operation]),
    );

    await redisServer.start();
    await pollUntil(() => redis.status === 'ready', 'the shared connection to reconnect');
    inspect = new Redis(redisServer.url);
    fallbacks.length = 0;
    // The restarted server is empty: the count starts over in Redis.
    expect((await store.increment('n', LONG_TTL_MS)).count).toBe(1);
    await store.set('k', 'in redis again', LONG_TTL_MS);
    expect(await inspect.get(`${PREFIX}k`)).toBe('in redis again');
    expect(fallbacks).toEqual([]);
  });

  it('deletes from both, so an entry written during an outage does not come back at the next one', async () => {
    const memory = stringMemory();
    await memory.set('k', 'written during an outage', LONG_TTL_MS);
    const shared = redisStore(redis, { prefix: PREFIX, codec: stringCodec });
    await withFallback('test_store', shared, memory, () => undefined).delete('k');
    expect(await memory.get('k')).toBeUndefined();
  });
});

describe('createStores with REDIS_URL pointing at a closed port', () => {
  it('answers every store from memory and reports each fallback by store name', async () => {
    const fallbacks: string[] = [];
    const stores = createStores({
      redisUrl: `redis://:secret@127.0.0.1:${await freePort()}`,
      log: { info: () => undefined, warn: () => undefined },
      metrics: { redisAvailable: () => undefined },
      onFallback: (name, operation) => fallbacks.push(`${name}.${operation}`),
    });
    try {
      await stores.payloads.set('page', { nodes: [1, 2] }, 16, LONG_TTL_MS);
      expect(await stores.payloads.get('page')).toEqual({ nodes: [1, 2] });
      await stores.apq.set('apq:hash', '{ __typename }');
      expect(await stores.apq.get('apq:hash')).toBe('{ __typename }');
      expect(stores.redisHealth?.up).toBe(false);
      expect(fallbacks).toEqual([
        'response_cache.set',
        'response_cache.get',
        'persisted_queries.set',
        'persisted_queries.get',
      ]);
    } finally {
      await stores.close();
    }
  });
});
