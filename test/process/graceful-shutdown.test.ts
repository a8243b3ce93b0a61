import { startDemoUpstream, type DemoUpstream } from '../../src/demo-upstream';
import { TEST_API_KEY, postGraphQL } from '../helpers/gateway';
import { startGatewayProcess, type GatewayProcess } from '../helpers/gateway-process';
import type { PhoneNumbersData } from '../helpers/queries';
import { pollUntil } from '../helpers/wait';

// SIGTERM while an operation is in flight: readiness turns 503, then new
// connections are refused, the in-flight operation still gets its full
// answer, and the process exits 0. Debug logs are on, and the whole output
// is checked for the key.

let upstream: DemoUpstream;
let gateway: GatewayProcess | undefined;

beforeAll(async () => {
  upstream = await startDemoUpstream({ apiKey: TEST_API_KEY });
});
afterAll(async () => {
  gateway?.kill();
  await upstream?.close();
});

it('finishes the operation in flight when SIGTERM arrives, refuses new work, exits 0, logs no secret', async () => {
  gateway = await startGatewayProcess({
    NODE_ENV: 'production',
    AUTH_MODE: 'none',
    CARTESIA_API_KEY: TEST_API_KEY,
    CARTESIA_BASE_URL: upstream.url,
    LOG_LEVEL: 'debug',
    SHUTDOWN_DELAY_MS: '1000',
    SHUTDOWN_GRACE_MS: '20000',
  });
  const { url } = gateway;
  upstream.faults.inject({ fault: { kind: 'delay', ms: 3_000 }, times: 1 });
  const inFlight = postGraphQL<PhoneNumbersData>(
    url,
    'query InFlight { phoneNumbers(first: 25) { edges { node { id number } } pageInfo { hasNextPage } } }',
  );
  await pollUntil(() => upstream.requests.length > 0, 'the upstream call to start');

  gateway.child.kill('SIGTERM');
  const readiness = await pollUntil(async () => {
    const status = (await fetch(`${url}/readyz`)).status;
    return status === 200 ? undefined : status;
  }, 'readiness to turn');
  expect(readiness).toBe(503);
  const refused = await pollUntil(
    () =>
      fetch(`${url}/healthz`).then(
        () => undefined,
        (error: Error & { cause?: { code?: string } }) => error.cause?.code,
      ),
    'new connections to be refused',
  );
  // Refused once the port is closed; a connection caught while it closes is reset instead.
  expect(['ECONNREFUSED', 'ECONNRESET']).toContain(refused);

  const response = await inFlight;
  expect(response.status).toBe(200);
  expect(response.body.errors).toBeUndefined();
  expect(response.body.data!.phoneNumbers.edges.map((e) => e.node.id)).toEqual(
    upstream.records.slice(0, 25).map((r) => r.id),
  );
  expect(await gateway.exited).toBe(0);

  const output = gateway.output();
  expect(output).toMatch(/"operationName":"InFlight".*"outcome":"ok"/);
  expect(output).toMatch(/"msg":"upstream call"/);
  expect(output).not.toContain(TEST_API_KEY);
  expect(output).not.toMatch(/Bearer\s+(?!\[redacted\])/);
}, 90_000);
