import Redis from 'ioredis';
import { startDemoUpstream, type DemoUpstream } from '../../src/demo-upstream';
import { TEST_API_KEY, postGraphQL } from '../helpers/gateway';
import { startGatewayProcess, type GatewayProcess } from '../helpers/gateway-process';
import { pollUntil } from '../helpers/wait';
import { scrape } from '../helpers/metrics';
import { startRedis, type TestRedis } from '../helpers/redis';

// Two gateway processes (replicas) on their own ports, one test upstream,
// one real redis-server: what operators run behind a load balancer.
//
// Shared across them: the Redis connection and its health (gateway_redis_up,
// log lines), the per-client rate limit and the upstream payload cache.

const LIST = 'query ReplicaList { phoneNumbers(first: 2) { nodes { id } } }';
/** Two static client tokens: the other tests use the first, the rate-limit test the second. */
const CLIENT = 'replica-test-client';
const LIMITED_CLIENT = 'replica-limited-client';
const RATE_LIMIT_MAX = 25;
const asClient = (token: string) => ({ authorization: `Bearer ${token}` });

let redis: TestRedis;
let upstream: DemoUpstream;
let replicas: GatewayProcess[] = [];

beforeAll(async () => {
  [redis, upstream] = await Promise.all([startRedis(), startDemoUpstream({ apiKey: TEST_API_KEY })]);
  const env = {
    NODE_ENV: 'production',
    CARTESIA_API_KEY: TEST_API_KEY,
    CARTESIA_BASE_URL: upstream.url,
    REDIS_URL: redis.url,
    AUTH_MODE: 'static',
    AUTH_TOKENS: `${CLIENT},${LIMITED_CLIENT}`,
    RATE_LIMIT_MAX: String(RATE_LIMIT_MAX),
    CACHE_TTL_MS: '60000',
  };
  replicas = await Promise.all([startGatewayProcess(env), startGatewayProcess(env)]);
}, 60_000);

afterAll(async () => {
  await Promise.all(replicas.map((replica) => replica.stop()));
  await Promise.all([redis?.close(), upstream?.close()]);
});

const redisUp = async (replica: GatewayProcess) =>
  (await scrape(replica.metricsUrl)).value('gateway_redis_up', { connection: 'shared-state' });

async function servesData(replica: GatewayProcess): Promise<boolean> {
  const response = await postGraphQL<{ phoneNumbers: { nodes: unknown[] } }>(
    replica.url,
    LIST,
    undefined,
    asClient(CLIENT),
  );
  return response.status === 200 && response.body.data?.phoneNumbers.nodes.length === 2;
}

describe('two replicas sharing one Redis', () => {
  it('both serve on their own ports, both connected to the same Redis', async () => {
    const [a, b] = replicas as [GatewayProcess, GatewayProcess];
    expect(a.url).not.toBe(b.url);
    expect(await servesData(a)).toBe(true);
    expect(await servesData(b)).toBe(true);
    await pollUntil(async () => (await redisUp(a)) === 1 && (await redisUp(b)) === 1, 'both replicas report redis up');
    const probe = new Redis(redis.url);
    try {
      const clients = (await probe.client('LIST')) as string;
      expect(clients.split('\n').filter((line) => line.includes('name=phone-numbers-gateway'))).toHaveLength(2);
    } finally {
      await probe.quit();
    }
  });

  it("count one client's requests across both replicas for the rate limit", async () => {
    await pollUntil(
      async () => (await Promise.all(replicas.map(redisUp))).every((up) => up === 1),
      'both replicas report redis up',
    );
    // Alternate between the replicas until one refuses: with a shared count the
    // refusal comes after RATE_LIMIT_MAX requests in all, not per replica.
    const served = replicas.map(() => 0);
    let refusal: Awaited<ReturnType<typeof postGraphQL>> | undefined;
    for (let sent = 0; sent < RATE_LIMIT_MAX * 2 && !refusal; sent += 1) {
      const index = sent % replicas.length;
      const response = await postGraphQL(replicas[index]!.url, LIST, undefined, asClient(LIMITED_CLIENT));
      if (response.status === 429) refusal = response;
      else served[index]! += 1;
    }
    expect(served.reduce((a, b) => a + b, 0)).toBe(RATE_LIMIT_MAX);
    expect(served.every((count) => count > 0 && count < RATE_LIMIT_MAX)).toBe(true);
    expect(refusal!.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refusal!.body.errors![0]!.extensions!.code).toBe('RATE_LIMITED');
    // Another client is counted on its own.
    expect(await servesData(replicas[0]!)).toBe(true);
  });

  it('share the payload cache: a page one replica fetched is served by the other without an upstream call', async () => {
    await pollUntil(
      async () => (await Promise.all(replicas.map(redisUp))).every((up) => up === 1),
      'both replicas report redis up',
    );
    const [a, b] = replicas as [GatewayProcess, GatewayProcess];
    const query = 'query CachedPage { phoneNumbers(first: 7, filter: { type: CARTESIA }) { nodes { id } } }';
    upstream.clearRequests();
    const first = await postGraphQL<{ phoneNumbers: { nodes: { id: string }[] } }>(
      a.url,
      query,
      undefined,
      asClient(CLIENT),
    );
    expect(upstream.requests).toHaveLength(1);
    upstream.clearRequests();
    const second = await postGraphQL<{ phoneNumbers: { nodes: { id: string }[] } }>(
      b.url,
      query,
      undefined,
      asClient(CLIENT),
    );
    expect(second.body.data).toEqual(first.body.data);
    expect(second.body.data!.phoneNumbers.nodes).toHaveLength(7);
    expect(upstream.requests).toHaveLength(0);
  });

  it('keep serving while Redis is down, say so in metrics and logs, and recover when it is back', async () => {
    await pollUntil(
      async () => (await Promise.all(replicas.map(redisUp))).every((up) => up === 1),
      'both replicas report redis up',
    );
    await redis.stop();
    for (const replica of replicas) {
      await pollUntil(async () => (await redisUp(replica)) === 0, 'the replica reports redis down');
      expect(await servesData(replica)).toBe(true);
      await replica.waitForLine(/redis unavailable: shared state falls back to memory/);
    }
    await redis.start();
    for (const replica of replicas) {
      await pollUntil(async () => (await redisUp(replica)) === 1, 'the replica reports redis up again');
      await replica.waitForLine(/redis reachable again: shared state restored/);
      expect(await servesData(replica)).toBe(true);
    }
  });

  it('puts the request id into every log line about a request, and never the API key or the Redis password', async () => {
    const [replica] = replicas as [GatewayProcess];
    await postGraphQL(replica.url, LIST, undefined, { ...asClient(CLIENT), 'x-request-id': 'replica-log-check' });
    await postGraphQL(replica.url, '{ nope', undefined, { ...asClient(CLIENT), 'x-request-id': 'replica-log-check-2' });
    await replica.waitForLine(/"requestId":"replica-log-check-2".*"request completed"/);
    const lines = replica.logLines();
    // Process-level lines (startup, Redis state, shutdown) belong to no request.
    const processLevel = /^(Server listening at|gateway listening|redis |shutting down|AUTH_MODE is not set)/;
    const requestLines = lines.filter((line) => !processLevel.test(String(line.msg)));
    // One line per request (src/http/request-log.ts).
    expect(requestLines.filter((line) => String(line.requestId).startsWith('replica-log-check'))).toHaveLength(2);
    for (const line of requestLines) expect(line).toHaveProperty('requestId');
    for (const gateway of replicas) {
      expect(gateway.output()).not.toContain(TEST_API_KEY);
      expect(gateway.output()).not.toContain(redis.password);
    }
  });
});
