import Redis from 'ioredis';
import { apqExtensions as apq, sha256 } from '../helpers/persisted';
import { getGraphQL, postGraphQLBody, startTestStack, type TestStack } from '../helpers/gateway';
import { scrape } from '../helpers/metrics';
import { startRedis, type TestRedis } from '../helpers/redis';
import { pollUntil } from '../helpers/wait';

// Automatic persisted queries (Apollo APQ): a client sends only the SHA-256
// of a query; on PERSISTED_QUERY_NOT_FOUND it sends the text once, and from
// then on the hash is enough, also over GET (CDN-cacheable URLs).

let queryCounter = 0;
/** A query text no other test has registered (APQ stores are per gateway or per Redis). */
function uniqueQuery(): { query: string; hash: string } {
  queryCounter += 1;
  const query = `query Apq${queryCounter} { phoneNumbers(first: 2) { nodes { id } } }`;
  return { query, hash: sha256(query) };
}

type Nodes = { phoneNumbers: { nodes: { id: string }[] } };

async function expectApqRoundTrip(
  register: TestStack,
  reuse: TestStack,
  waitUntilStored = async (_hash: string) => {},
) {
  const { query, hash } = uniqueQuery();
  const miss = await postGraphQLBody(reuse.url, { extensions: apq(hash) });
  expect(miss.body.errors![0]!.extensions!.code).toBe('PERSISTED_QUERY_NOT_FOUND');

  const registered = await postGraphQLBody<Nodes>(register.url, { query, extensions: apq(hash) });
  expect(registered.body.errors).toBeUndefined();
  await waitUntilStored(hash);

  const hit = await postGraphQLBody<Nodes>(reuse.url, { extensions: apq(hash) });
  expect(hit.body.errors).toBeUndefined();
  expect(hit.body.data!.phoneNumbers.nodes.map((n) => n.id)).toEqual(
    reuse.upstream.records.slice(0, 2).map((r) => r.id),
  );
  return hash;
}

/** Apollo registers a query after answering it: resolves once its hash alone runs on `stack`. */
async function servedByHash(stack: TestStack, hash: string): Promise<void> {
  await pollUntil(async () => {
    const byHash = await postGraphQLBody<Nodes>(stack.url, { extensions: apq(hash) });
    return byHash.body.data?.phoneNumbers.nodes.length === 2;
  }, 'the registration to be served by hash');
}

describe('APQ in memory (no REDIS_URL)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());

  it('registers a query on first use and then runs it by hash alone', async () => {
    await expectApqRoundTrip(stack, stack);
  });

  it('serves a registered hash over GET, revalidated by the browser (private, no-cache)', async () => {
    const { query, hash } = uniqueQuery();
    await postGraphQLBody(stack.url, { query, extensions: apq(hash) });
    const response = await getGraphQL<Nodes>(stack.url, { extensions: apq(hash) });
    expect(response.body.data!.phoneNumbers.nodes).toHaveLength(2);
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
  });

  it('refuses a hash that does not match the query text (no hash hijacking)', async () => {
    const { query } = uniqueQuery();
    const response = await postGraphQLBody(stack.url, { query, extensions: apq(sha256('something else')) });
    expect(response.status).toBe(400);
    expect(response.body.errors![0]!.message).toBe('provided sha does not match query');
  });
});

describe('APQ in Redis (REDIS_URL)', () => {
  let redisServer: TestRedis;
  let redis: Redis;
  let first: TestStack;
  let second: TestStack;
  beforeAll(async () => {
    redisServer = await startRedis();
    const env = { REDIS_URL: redisServer.url };
    [first, second] = await Promise.all([startTestStack({ env }), startTestStack({ env })]);
    redis = new Redis(redisServer.url, { maxRetriesPerRequest: 0 });
  }, 30_000);
  afterAll(async () => {
    if (redis && redis.status !== 'end') redis.disconnect();
    await Promise.all([first?.close(), second?.close()]);
    await redisServer?.close();
  });

  const keyOf = (hash: string) => `phone-numbers-gateway:apq:${hash}`;

  /** Apollo writes the registration after answering; wait for it with a deadline. */
  async function waitUntilStored(hash: string): Promise<void> {
    const deadline = Date.now() + 5_000;
    while (!(await redis.exists(keyOf(hash)))) {
      if (Date.now() > deadline) throw new Error(`${keyOf(hash)} never reached Redis`);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  it('shares registrations between replicas: registered on one, run by hash on the other', async () => {
    const hash = await expectApqRoundTrip(first, second, waitUntilStored);
    const ttl = await redis.ttl(keyOf(hash));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(86_400);
  });

  it("keeps serving when Redis is gone: registrations fall back to each replica's memory", async () => {
    await redis.quit(); // the test's own client, before its server goes
    await redisServer.stop();
    const { query, hash } = uniqueQuery();
    const miss = await postGraphQLBody(first.url, { extensions: apq(hash) });
    expect(miss.status).toBe(200);
    expect(miss.body.errors![0]!.extensions!.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const full = await postGraphQLBody<Nodes>(first.url, { query, extensions: apq(hash) });
    expect(full.body.errors).toBeUndefined();
    expect(full.body.data!.phoneNumbers.nodes).toHaveLength(2);
    // Registered in the first replica's memory only; Apollo writes it after answering.
    await servedByHash(first, hash);
    const elsewhere = await postGraphQLBody(second.url, { extensions: apq(hash) });
    expect(elsewhere.body.errors![0]!.extensions!.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const metrics = await scrape(first.gateway.metricsUrl!);
    expect(
      metrics.value('gateway_shared_state_fallbacks_total', { store: 'persisted_queries' }),
    ).toBeGreaterThanOrEqual(3);
  });
});

describe('APQ with REDIS_URL pointing nowhere at start', () => {
  it('starts anyway (after a short wait), serves full queries and registers them in memory', async () => {
    const stack = await startTestStack({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      const { query, hash } = uniqueQuery();
      const unknown = await postGraphQLBody(stack.url, { extensions: apq(hash) });
      expect(unknown.body.errors![0]!.extensions!.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      const full = await postGraphQLBody<Nodes>(stack.url, { query, extensions: apq(hash) });
      expect(full.body.data!.phoneNumbers.nodes).toHaveLength(2);
      await servedByHash(stack, hash);
    } finally {
      await stack.close();
    }
  });
});
