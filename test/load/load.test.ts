import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { startDemoUpstream, type DemoUpstream, type Fault } from '../../src/demo-upstream';
import { TEST_API_KEY, postGraphQL, type GraphQLResponse } from '../helpers/gateway';
import { startGatewayProcess, type GatewayProcess } from '../helpers/gateway-process';
import { PHONE_NUMBER, PHONE_NUMBERS } from '../helpers/queries';
import { pollUntil } from '../helpers/wait';

// A bounded load test on loopback with faults injected all along: nothing is
// lost (every request gets an answer: data, or errors that all carry a
// known code), the process survives, and its memory is measured. Small in
// `npm test`; `npm run test:load` runs it bigger (LOAD_REQUESTS).

const REQUESTS = Number(process.env.LOAD_REQUESTS ?? 2_000);
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 32);
const WARMUP = 300;
// A capped heap turns a leak into a crash (lost requests, a dead process)
// instead of a number to eyeball; RSS is reported, not asserted.
const HEAP_LIMIT_MIB = 96;

// What a client may see under upstream faults; anything else (above all INTERNAL_SERVER_ERROR) fails the test.
const EXPECTED_CODES = new Set([
  'UPSTREAM_ERROR',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_BAD_RESPONSE',
  'UPSTREAM_RATE_LIMITED',
  'UPSTREAM_OVERLOADED',
  'UPSTREAM_BAD_REQUEST',
]);

const FAULTS: Fault[] = [
  { kind: 'status', status: 503 },
  { kind: 'status', status: 502 },
  { kind: 'status', status: 429, headers: { 'retry-after': '0' } },
  { kind: 'reset' },
  { kind: 'malformed' },
  { kind: 'drift' },
  { kind: 'delay', ms: 30 },
  { kind: 'hang' },
];

let upstream: DemoUpstream;
let gateway: GatewayProcess | undefined;

beforeAll(async () => {
  upstream = await startDemoUpstream({ apiKey: TEST_API_KEY });
  gateway = await startGatewayProcess(
    {
      NODE_ENV: 'production',
      AUTH_MODE: 'none',
      CARTESIA_API_KEY: TEST_API_KEY,
      CARTESIA_BASE_URL: upstream.url,
      LOG_LEVEL: 'info',
      // The limiter is off: one load generator is one client, and 429s would measure the limiter, not the gateway.
      RATE_LIMIT_MAX: '0',
      UPSTREAM_TIMEOUT_MS: '300',
      UPSTREAM_RETRIES: '1',
      UPSTREAM_RETRY_BASE_DELAY_MS: '5',
      UPSTREAM_BREAKER_COOLDOWN_MS: '200',
      UPSTREAM_CONNECTIONS: '16',
    },
    [`--max-old-space-size=${HEAP_LIMIT_MIB}`],
  );
}, 90_000);

afterAll(async () => {
  gateway?.kill();
  await upstream?.close();
});

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Math.round(Number(line!.replace(/\D+/g, '')) / 1024);
}

type Outcome = 'data' | 'partial' | 'coded-error';

function classify(response: GraphQLResponse<unknown>): Outcome {
  expect(response.status).toBe(200);
  const errors = response.body.errors ?? [];
  for (const error of errors) {
    const code = String(error.extensions?.code);
    if (!EXPECTED_CODES.has(code)) throw new Error(`unexpected code ${code}: ${response.text}`);
  }
  if (errors.length === 0) return 'data';
  return response.body.data && Object.values(response.body.data).some((v) => v !== null) ? 'partial' : 'coded-error';
}

async function runLoad(url: string, count: number, ids: string[]): Promise<Record<Outcome, number>> {
  const operations = fc.sample(
    fc.oneof(
      fc
        .record({
          first: fc.integer({ min: 1, max: 100 }),
          filter: fc.constantFrom(undefined, { type: 'TWILIO' }, { search: 'support' }),
        })
        .map((variables) => [PHONE_NUMBERS, variables] as const),
      fc.constantFrom(...ids).map((id) => [PHONE_NUMBER, { id }] as const),
    ),
    { numRuns: count, seed: 42 },
  );
  const tally: Record<Outcome, number> = { data: 0, partial: 0, 'coded-error': 0 };
  let next = 0;
  const worker = async () => {
    while (next < operations.length) {
      const index = next++;
      // A fresh fault every 10 requests: the upstream misbehaves all along.
      if (index % 10 === 0) upstream.faults.inject({ fault: FAULTS[(index / 10) % FAULTS.length]!, times: 1 });
      const [query, variables] = operations[index]!;
      tally[classify(await postGraphQL(url, query, variables))] += 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return tally;
}

it(`answers ${REQUESTS} requests under injected faults: nothing lost, only coded errors, memory measured`, async () => {
  const { url, child } = gateway!;
  const ids = upstream.records.slice(0, 60).map((record) => record.id);
  await runLoad(url, WARMUP, ids);
  const rssBefore = rssMiB(child.pid!);
  const started = performance.now();
  const tally = await runLoad(url, REQUESTS, ids);
  const seconds = (performance.now() - started) / 1000;
  const rssAfter = rssMiB(child.pid!);

  expect(tally.data + tally.partial + tally['coded-error']).toBe(REQUESTS);
  expect(tally.data).toBeGreaterThan(0);
  expect(tally['coded-error']).toBeGreaterThan(0);
  expect(child.exitCode).toBeNull();
  console.log(
    `load: ${REQUESTS} requests, concurrency ${CONCURRENCY}, ${seconds.toFixed(1)} s ` +
      `(${Math.round(REQUESTS / seconds)} req/s); outcomes ${JSON.stringify(tally)}; ` +
      `gateway RSS ${rssBefore} MiB -> ${rssAfter} MiB (heap capped at ${HEAP_LIMIT_MIB} MiB)`,
  );

  // And afterwards a normal query succeeds (once the breaker has closed again).
  upstream.faults.clear();
  await pollUntil(
    async () => !(await postGraphQL(url, PHONE_NUMBERS, { first: 1 })).body.errors,
    'a normal query to succeed after the load',
    15_000,
  );
  expect(gateway!.output()).not.toContain(TEST_API_KEY);
}, 240_000);
