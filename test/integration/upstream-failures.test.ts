import { createServer } from 'node:net';
import type { Fault } from '../../src/demo-upstream';
import { encodeCursor } from '../../src/graphql/relay/cursor';
import { TEST_API_KEY, startTestStack, type GraphQLResponse, type TestStack } from '../helpers/gateway';
import { PHONE_NUMBER, PHONE_NUMBERS } from '../helpers/queries';

// A marker the fake upstream puts into its error bodies: it must never reach a client.
const UPSTREAM_SECRET_BODY = { error: 'boom', detail: 'internal-upstream-detail-7f3a', key: TEST_API_KEY };

function expectCodedError(response: GraphQLResponse, code: string) {
  expect(response.body.errors).toHaveLength(1);
  const [error] = response.body.errors!;
  expect(error!.extensions!.code).toBe(code);
  expect(error!.extensions).not.toHaveProperty('stacktrace');
  expect(response.text).not.toContain(TEST_API_KEY);
  expect(response.text).not.toContain('internal-upstream-detail-7f3a');
  return error!;
}

describe('upstream failures map to coded errors and never leak', () => {
  let stack: TestStack;
  beforeAll(async () => {
    // Retries off: this suite checks how each single failure maps to a code
    // (test/integration/resilience.test.ts covers retries and the breaker).
    stack = await startTestStack({ env: { UPSTREAM_TIMEOUT_MS: '400', UPSTREAM_RETRIES: '0' } });
  });
  afterAll(() => stack.close());
  afterEach(async () => {
    stack.upstream.faults.clear();
    // The gateway keeps serving right after every failure.
    const after = await stack.data(PHONE_NUMBERS, { first: 1 });
    expect(after.phoneNumbers.edges).toHaveLength(1);
  });

  const statusFault = (status: number, headers?: Record<string, string>): Fault => ({
    kind: 'status',
    status,
    headers,
    body: UPSTREAM_SECRET_BODY,
  });

  it.each([
    [401, 'UPSTREAM_AUTH_FAILED', /could not authenticate with Cartesia/],
    [403, 'UPSTREAM_AUTH_FAILED', /could not authenticate with Cartesia/],
    [404, 'UPSTREAM_NOT_FOUND', /no such resource/],
    [400, 'UPSTREAM_BAD_REQUEST', /rejected the request/],
    [422, 'UPSTREAM_BAD_REQUEST', /rejected the request/],
    [500, 'UPSTREAM_ERROR', /HTTP 500/],
    [502, 'UPSTREAM_ERROR', /HTTP 502/],
    [503, 'UPSTREAM_ERROR', /HTTP 503/],
  ])('list answered %i -> %s', async (status, code, message) => {
    stack.upstream.faults.inject({ fault: statusFault(status), times: 1 });
    const response = await stack.query(PHONE_NUMBERS, { first: 2 });
    expect(response.body.data).toBeNull();
    const error = expectCodedError(response, code);
    expect(error.message).toMatch(message);
    expect(error.extensions!.upstreamStatus).toBe(status);
  });

  it('429 carries the Retry-After seconds', async () => {
    stack.upstream.faults.inject({ fault: statusFault(429, { 'retry-after': '7' }), times: 1 });
    const error = expectCodedError(await stack.query(PHONE_NUMBERS), 'UPSTREAM_RATE_LIMITED');
    expect(error.extensions!.retryAfterSeconds).toBe(7);
  });

  it('a lookup that fails is null with a coded error, not a crash', async () => {
    stack.upstream.faults.inject({ fault: statusFault(503), path: '/agents/phone-numbers/', times: 1 });
    const response = await stack.query(PHONE_NUMBER, { id: stack.upstream.records[0]!.id });
    expect(response.body.data).toEqual({ phoneNumber: null });
    expectCodedError(response, 'UPSTREAM_ERROR');
  });

  it('a cursor to a number the upstream no longer knows is UPSTREAM_BAD_REQUEST', async () => {
    const response = await stack.query(PHONE_NUMBERS, { after: encodeCursor('pn_deleted_long_ago') });
    expectCodedError(response, 'UPSTREAM_BAD_REQUEST');
  });

  it.each<[string, Fault, string]>([
    ['a hang', { kind: 'hang' }, 'UPSTREAM_TIMEOUT'],
    ['a slow answer', { kind: 'delay', ms: 2000 }, 'UPSTREAM_TIMEOUT'],
    ['a reset connection', { kind: 'reset' }, 'UPSTREAM_UNAVAILABLE'],
    ['a body that is not JSON', { kind: 'malformed' }, 'UPSTREAM_BAD_RESPONSE'],
    ['a body that breaks the OpenAPI schema', { kind: 'drift' }, 'UPSTREAM_BAD_RESPONSE'],
    // A valid page (extra members are allowed), only too big.
    [
      'a body over 4 MiB',
      { kind: 'status', status: 200, body: { data: [], has_more: false, padding: 'x'.repeat(5 * 1024 * 1024) } },
      'UPSTREAM_BAD_RESPONSE',
    ],
  ])('list: %s -> %s', async (_name, fault, code) => {
    stack.upstream.faults.inject({ fault, times: 1 });
    expectCodedError(await stack.query(PHONE_NUMBERS), code);
  });

  it.each<[string, Fault, string]>([
    ['a body that is not JSON', { kind: 'malformed' }, 'UPSTREAM_BAD_RESPONSE'],
    ['a body that breaks the OpenAPI schema', { kind: 'drift' }, 'UPSTREAM_BAD_RESPONSE'],
    ['a hang', { kind: 'hang' }, 'UPSTREAM_TIMEOUT'],
  ])('lookup: %s -> %s', async (_name, fault, code) => {
    stack.upstream.faults.inject({ fault, times: 1, path: '/agents/phone-numbers/' });
    const response = await stack.query(PHONE_NUMBER, { id: stack.upstream.records[0]!.id });
    expect(response.body.data).toEqual({ phoneNumber: null });
    expectCodedError(response, code);
  });
});

describe('the gateway with a wrong API key', () => {
  const WRONG_KEY = 'sk_car_wrong_key_do_not_leak';
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ apiKey: WRONG_KEY });
  });
  afterAll(() => stack.close());

  it('reports an operator problem, not UNAUTHENTICATED, and leaks neither key', async () => {
    const response = await stack.query(PHONE_NUMBERS);
    const error = expectCodedError(response, 'UPSTREAM_AUTH_FAILED');
    expect(error.extensions!.upstreamStatus).toBe(401);
    expect(response.text).not.toContain(WRONG_KEY);
    expect(stack.upstream.requests[0]!.headers.authorization).toBe(`Bearer ${WRONG_KEY}`);
  });
});

describe('an upstream that cannot be reached', () => {
  let stack: TestStack;
  beforeAll(async () => {
    // A port that was just free: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address() as { port: number };
        probe.close(() => resolve(address.port));
      });
    });
    stack = await startTestStack({ baseUrl: `http://127.0.0.1:${port}`, env: { UPSTREAM_RETRIES: '0' } });
  });
  afterAll(() => stack.close());

  it('is UPSTREAM_UNAVAILABLE for lists and lookups', async () => {
    expectCodedError(await stack.query(PHONE_NUMBERS), 'UPSTREAM_UNAVAILABLE');
    const lookup = await stack.query(PHONE_NUMBER, { id: 'pn_x' });
    expect(lookup.body.data).toEqual({ phoneNumber: null });
    expectCodedError(lookup, 'UPSTREAM_UNAVAILABLE');
  });
});
