import Redis from 'ioredis';
import { createStores } from '../../src/stores';
import { TEST_API_KEY, startTestStack, type TestStack } from '../helpers/gateway';
import { scrape } from '../helpers/metrics';
import { freePort } from '../helpers/ports';
import { hasRedisServer, startRedis, type TestRedis } from '../helpers/redis';
import { pollUntil } from '../helpers/wait';

// The payload cache in a real redis-server (started per file, with a password),
// over the gateway's one shared Redis connection (src/stores).

const FIRST_PAGE = '{ phoneNumbers(first: 10) { nodes { id number } } }';

describe('the Redis payload cache when Redis cannot be reached', () => {
  it('answers from memory, never throws, and reports each fallback', async () => {
    let fallbacks = 0;
    const stores = createStores({
      redisUrl: `redis://:hunter2@127.0.0.1:${await freePort()}`,
      log: { info: () => undefined, warn: () => undefined },
      metrics: { redisAvailable: () => undefined },
      onFallback: () => (fallbacks += 1),
    });
    const cache = stores.payloads;
    try {
      await expect(cache.get('k')).resolves.toBeUndefined();
      await expect(cache.set('k', { a: 1 }, 7, 1_000)).resolves.toBeUndefined();
      await expect(cache.get('k')).resolves.toEqual({ a: 1 });
      expect(fallbacks).toBe(3);
    } finally {
      await stores.close();
    }
  });
});

const withRedis = hasRedisServer() ? describe : describe.skip;
if (!hasRedisServer()) {
  console.warn(
    '\n!!! redis-server is not installed: SKIPPING the Redis payload cache tests (.ci/run installs it) !!!\n',
  );
}

withRedis('the gateway with REDIS_URL and CACHE_TTL_MS', () => {
  let redis: TestRedis;
  let stack: TestStack;
  let inspect: Redis;
  beforeAll(async () => {
    redis = await startRedis();
    inspect = new Redis(redis.url);
    stack = await startTestStack({ env: { CACHE_TTL_MS: '60000', REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await stack?.close();
    inspect?.disconnect();
    await redis?.close();
  });

  it('keeps validated payloads in the shared Redis with the TTL, keyed without the API key', async () => {
    const first = await stack.data(FIRST_PAGE);
    // The write is not awaited by the request: wait for it to land.
    const keys = await pollUntil(async () => {
      const found = await inspect.keys('pngw:payload:v1:*');
      return found.length > 0 ? found : undefined;
    }, 'a cache entry');
    expect(keys).toHaveLength(1);
    expect(keys[0]).toContain('/agents/phone-numbers?limit=10');
    expect(keys[0]).not.toContain(TEST_API_KEY);
    const ttl = await inspect.pttl(keys[0]!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
    expect(await inspect.get(keys[0]!)).not.toContain(TEST_API_KEY);

    const second = await stack.data(FIRST_PAGE);
    expect(second).toEqual(first);
    expect(stack.upstream.requests).toHaveLength(1);
    const metrics = await scrape(stack.gateway.metricsUrl!);
    expect(metrics.value('gateway_cache_lookups_total', { cache: 'response', result: 'hit' })).toBe(1);
    expect(metrics.value('gateway_cache_lookups_total', { cache: 'response', result: 'miss' })).toBe(1);
  });

  it('keeps serving from the upstream when Redis goes away, and counts the fallback', async () => {
    await redis.stop();
    stack.upstream.clearRequests();
    const answer = await stack.data('{ phoneNumbers(first: 2) { nodes { id } } }');
    expect(answer.phoneNumbers.nodes).toHaveLength(2);
    expect(stack.upstream.requests).toHaveLength(1);
    const metrics = await scrape(stack.gateway.metricsUrl!);
    expect(metrics.value('gateway_shared_state_fallbacks_total', { store: 'response_cache' })).toBeGreaterThanOrEqual(
      1,
    );
  });
});
