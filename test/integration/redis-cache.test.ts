import Redis from 'ioredis';
import { redisPayloadCache } from '../../src/cache/redis';
import { TEST_API_KEY, startTestStack, type TestStack } from '../helpers/gateway';
import { freePort, hasRedisServer, startRedis, type TestRedis } from '../helpers/redis';
import { waitFor } from '../helpers/wait';

// The payload cache in a real redis-server (started per file, with a password).

const FIRST_PAGE = '{ phoneNumbers(first: 10) { nodes { id number } } }';

function collectingLog() {
  const lines: Array<{ level: 'info' | 'warn'; details: object; message: string }> = [];
  return {
    lines,
    log: {
      info: (details: object, message: string) => lines.push({ level: 'info', details, message }),
      warn: (details: object, message: string) => lines.push({ level: 'warn', details, message }),
    },
  };
}

describe('the Redis payload cache when Redis cannot be reached', () => {
  it('misses, never throws, and says so once without the password', async () => {
    const { lines, log } = collectingLog();
    const cache = redisPayloadCache({ url: `redis://:hunter2@127.0.0.1:${await freePort()}`, ttlMs: 1_000, log });
    try {
      await waitFor(() => lines.length > 0, 5_000, 'a log line');
      await expect(cache.get('k')).resolves.toBeUndefined();
      await expect(cache.set('k', { a: 1 }, 7)).resolves.toBeUndefined();
      expect(lines).toHaveLength(1);
      expect(lines[0]!.level).toBe('warn');
      expect(JSON.stringify(lines)).not.toContain('hunter2');
    } finally {
      await cache.close();
    }
  });
});

const withRedis = hasRedisServer() ? describe : describe.skip;
if (!hasRedisServer()) {
  console.warn(
    '\n!!! redis-server is not installed: SKIPPING the Redis payload cache tests (.ci/run installs it) !!!\n',
  );
}

withRedis('the gateway with REDIS_URL', () => {
  let redis: TestRedis;
  let stack: TestStack;
  let inspect: Redis;
  beforeAll(async () => {
    redis = await startRedis();
    inspect = new Redis(redis.url);
    stack = await startTestStack({ env: { CACHE_TTL_MS: '60000', REDIS_URL: redis.url } });
    // Until its connection is up the gateway serves without the cache: wait for it.
    const clients = async () => ((await inspect.client('LIST')) as string).trim().split('\n').length;
    await waitFor(async () => (await clients()) >= 2, 5_000, 'the gateway connected to Redis');
  });
  afterAll(async () => {
    await stack?.close();
    inspect?.disconnect();
    await redis?.stop();
  });

  it('keeps validated payloads in Redis with the TTL, keyed without the API key', async () => {
    const first = await stack.data(FIRST_PAGE);
    // The write is not awaited by the request: wait for it to land.
    let keys: string[] = [];
    await waitFor(async () => (keys = await inspect.keys('pngw:payload:v1:*')).length > 0, 5_000, 'a cache entry');
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
  });

  it('keeps serving from the upstream when Redis goes away', async () => {
    await redis.stop();
    stack.upstream.clearRequests();
    const answer = await stack.data('{ phoneNumbers(first: 2) { nodes { id } } }');
    expect(answer.phoneNumbers.nodes).toHaveLength(2);
    expect(stack.upstream.requests).toHaveLength(1);
  });
});
