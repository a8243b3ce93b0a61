import Redis from 'ioredis';
import { startDemoUpstream, type DemoUpstream } from '../../src/demo-upstream';
import { TEST_API_KEY, postGraphQL } from '../helpers/gateway';
import { eventually, startGatewayProcess, type GatewayProcess } from '../helpers/gateway-process';
import { scrape } from '../helpers/metrics';
import { startRedis, type TestRedis } from '../helpers/redis';

// Two gateway processes (replicas) on their own ports, one test upstream,
// one real redis-server: what operators run behind a load balancer.
//
// Shared state that exists so far: the Redis connection itself and its health
// (gateway_redis_up, log lines). Extend this file with a rate limit counted
// across both replicas and a response-cache entry written by one and read by
// the other once those features are on main (issues 3 and 4).

const LIST = 'query ReplicaList { phoneNumbers(first: 2) { nodes { id } } }';

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
  const response = await postGraphQL<{ phoneNumbers: { nodes: unknown[] } }>(replica.url, LIST);
  return response.status === 200 && response.body.data?.phoneNumbers.nodes.length === 2;
}

describe('two replicas sharing one Redis', () => {
  it('both serve on their own ports, both connected to the same Redis', async () => {
    const [a, b] = replicas as [GatewayProcess, GatewayProcess];
    expect(a.url).not.toBe(b.url);
    expect(await servesData(a)).toBe(true);
    expect(await servesData(b)).toBe(true);
    await eventually('both replicas report redis up', async () => (await redisUp(a)) === 1 && (await redisUp(b)) === 1);
    const probe = new Redis(redis.url);
    try {
      const clients = (await probe.client('LIST')) as string;
      expect(clients.split('\n').filter((line) => line.includes('name=phone-numbers-gateway'))).toHaveLength(2);
    } finally {
      await probe.quit();
    }
  });

  it('keep serving while Redis is down, say so in metrics and logs, and recover when it is back', async () => {
    await eventually('both replicas report redis up', async () =>
      (await Promise.all(replicas.map(redisUp))).every((up) => up === 1),
    );
    await redis.stop();
    for (const replica of replicas) {
      await eventually('the replica reports redis down', async () => (await redisUp(replica)) === 0);
      expect(await servesData(replica)).toBe(true);
      await replica.waitForLine(/redis unavailable: shared state falls back to memory/);
    }
    await redis.start();
    for (const replica of replicas) {
      await eventually('the replica reports redis up again', async () => (await redisUp(replica)) === 1);
      await replica.waitForLine(/redis reachable again: shared state restored/);
      expect(await servesData(replica)).toBe(true);
    }
  });

  it('puts the request id into every log line about a request, and never the API key or the Redis password', async () => {
    const [replica] = replicas as [GatewayProcess];
    await postGraphQL(replica.url, LIST, undefined, { 'x-request-id': 'replica-log-check' });
    await postGraphQL(replica.url, '{ nope', undefined, { 'x-request-id': 'replica-log-check-2' });
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
