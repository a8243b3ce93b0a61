import type { Fault } from '../../src/demo-upstream';
import { TEST_API_KEY, postGraphQL, startTestStack, type GraphQLResponse, type TestStack } from '../helpers/gateway';
import { PHONE_NUMBER, PHONE_NUMBERS, type PhoneNumbersData } from '../helpers/queries';
import { scrape } from '../helpers/metrics';
import { pollUntil } from '../helpers/wait';

// The fault suite: every way the upstream can misbehave, with retries, the
// deadline, the breaker and the queue switched on as in production (with
// small numbers). For each fault: the expected outcome, how many times the
// upstream was called, an answer within a generous bound, and a normal query
// succeeding right after.

const ATTEMPT_TIMEOUT_MS = 300;
const DEADLINE_MS = 2_000;
const RETRIES = 2;

const RESILIENT_ENV = {
  UPSTREAM_TIMEOUT_MS: String(ATTEMPT_TIMEOUT_MS),
  REQUEST_DEADLINE_MS: String(DEADLINE_MS),
  UPSTREAM_RETRIES: String(RETRIES),
  UPSTREAM_RETRY_BASE_DELAY_MS: '10',
  UPSTREAM_RETRY_MAX_DELAY_MS: '40',
  UPSTREAM_RETRY_AFTER_MAX_MS: '500',
  // The breaker has its own suite below; here it must not interfere.
  UPSTREAM_BREAKER_THRESHOLD: '1000',
};

function codesOf(response: GraphQLResponse<unknown>): string[] {
  return (response.body.errors ?? []).map((error) => String(error.extensions?.code));
}

function expectNoLeak(response: GraphQLResponse) {
  expect(response.text).not.toContain(TEST_API_KEY);
  for (const error of response.body.errors ?? []) {
    expect(error.extensions).not.toHaveProperty('stacktrace');
    expect(typeof error.extensions?.requestId).toBe('string');
  }
}

/** The client's debug line per upstream attempt of request `requestId`, once its request line is written. */
async function attemptLines(stack: TestStack, requestId: string) {
  await stack.logs.waitFor((entry) => entry.requestId === requestId && entry.msg === 'request completed');
  return stack.logs.entries().filter((entry) => entry.requestId === requestId && entry.msg === 'upstream call');
}

let requestCount = 0;
const nextRequestId = () => `resilience-${(requestCount += 1)}`;

describe('fault suite: retries, deadline and coded errors', () => {
  let stack: TestStack;
  const listCalls = () => stack.upstream.requests.filter((r) => r.path === '/agents/phone-numbers').length;

  beforeAll(async () => {
    stack = await startTestStack({ env: RESILIENT_ENV });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.clearRequests());
  afterEach(async () => {
    stack.upstream.faults.clear();
    const after = await stack.data<PhoneNumbersData>(PHONE_NUMBERS, { first: 1 });
    expect(after.phoneNumbers.edges).toHaveLength(1);
  });

  const status = (code: number, headers?: Record<string, string>): Fault => ({ kind: 'status', status: code, headers });

  it.each<[string, Fault, number | undefined, string | null, number]>([
    // name, fault, times (undefined = every request), expected code (null = data), upstream calls
    ['503 once is retried', status(503), 1, null, 2],
    ['502 once is retried', status(502), 1, null, 2],
    ['504 once is retried', status(504), 1, null, 2],
    ['a reset once is retried', { kind: 'reset' }, 1, null, 2],
    ['429 with Retry-After: 0 is retried', status(429, { 'retry-after': '0' }), 1, null, 2],
    ['429 without Retry-After is retried with backoff', status(429), 1, null, 2],
    ['503 always gives up after the retries', status(503), undefined, 'UPSTREAM_ERROR', RETRIES + 1],
    ['a reset always gives up after the retries', { kind: 'reset' }, undefined, 'UPSTREAM_UNAVAILABLE', RETRIES + 1],
    ['429 always gives up after the retries', status(429), undefined, 'UPSTREAM_RATE_LIMITED', RETRIES + 1],
    [
      '429 asking for longer than the cap is not waited for',
      status(429, { 'retry-after': '30' }),
      1,
      'UPSTREAM_RATE_LIMITED',
      1,
    ],
    ['500 is not retried', status(500), 1, 'UPSTREAM_ERROR', 1],
    ['400 is not retried', status(400), 1, 'UPSTREAM_BAD_REQUEST', 1],
    ['401 is not retried', status(401), 1, 'UPSTREAM_AUTH_FAILED', 1],
    ['a hang times out and is not retried', { kind: 'hang' }, 1, 'UPSTREAM_TIMEOUT', 1],
    ['a slow answer times out and is not retried', { kind: 'delay', ms: 3_000 }, 1, 'UPSTREAM_TIMEOUT', 1],
    ['a slightly slow answer is fine', { kind: 'delay', ms: 20 }, 1, null, 1],
    ['malformed JSON is a coded error, not retried', { kind: 'malformed' }, 1, 'UPSTREAM_BAD_RESPONSE', 1],
    ['schema drift is a coded error, not retried', { kind: 'drift' }, 1, 'UPSTREAM_BAD_RESPONSE', 1],
  ])('%s', async (_name, fault, times, code, calls) => {
    stack.upstream.faults.inject({ fault, times });
    const requestId = nextRequestId();
    const response = await postGraphQL<Record<string, unknown>>(
      stack.url,
      PHONE_NUMBERS,
      { first: 2 },
      { 'x-request-id': requestId },
    );
    expect(codesOf(response)).toEqual(code ? [code] : []);
    if (code) expect(response.body.data).toBeNull();
    else expect((response.body.data as unknown as PhoneNumbersData).phoneNumbers.edges).toHaveLength(2);
    expect(listCalls()).toBe(calls);
    expectNoLeak(response);
    // Every attempt ran within the per-attempt budget, in order, and is accounted for.
    const attempts = await attemptLines(stack, requestId);
    expect(attempts.map((line) => line.attempt)).toEqual([...Array(calls).keys()]);
    for (const line of attempts) expect(line.timeoutMs).toBeLessThanOrEqual(ATTEMPT_TIMEOUT_MS);
  });

  it('429 carries retryAfterSeconds to the client when it is not waited for', async () => {
    stack.upstream.faults.inject({ fault: status(429, { 'retry-after': '30' }), times: 1 });
    const response = await stack.query(PHONE_NUMBERS);
    expect(response.body.errors![0]!.extensions).toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      retryAfterSeconds: 30,
    });
  });

  it('a bad lookup next to a good page is a partial answer, not a failed operation', async () => {
    stack.upstream.faults.inject({ fault: { kind: 'drift' }, path: '/agents/phone-numbers/' });
    const response = await stack.query(
      `query Mixed($id: ID!) { phoneNumbers(first: 1) { nodes { id } } phoneNumber(id: $id) { id } }`,
      { id: stack.upstream.records[50]!.id },
    );
    expect(codesOf(response)).toEqual(['UPSTREAM_BAD_RESPONSE']);
    expect(response.body.data).toMatchObject({
      phoneNumbers: { nodes: [{ id: expect.any(String) }] },
      phoneNumber: null,
    });
  });

  it('counts every attempt in the request log line', async () => {
    stack.upstream.faults.inject({ fault: status(503), times: 2 });
    const response = await postGraphQL<PhoneNumbersData>(
      stack.url,
      PHONE_NUMBERS,
      { first: 1 },
      { 'x-request-id': 'retry-log-check' },
    );
    expect(codesOf(response)).toEqual([]);
    const line = await stack.logs.waitFor(
      (entry) => entry.requestId === 'retry-log-check' && entry.msg === 'request completed',
    );
    expect(line).toMatchObject({ operationName: 'PhoneNumbers', upstreamCalls: 3, outcome: 'ok', statusCode: 200 });
  });
});

describe('the request deadline bounds the whole operation', () => {
  let stack: TestStack;
  beforeAll(async () => {
    // Attempts may take 5 s, but the operation only has 400 ms.
    stack = await startTestStack({
      env: {
        ...RESILIENT_ENV,
        UPSTREAM_TIMEOUT_MS: '5000',
        REQUEST_DEADLINE_MS: '400',
        UPSTREAM_RETRY_AFTER_MAX_MS: '5000',
      },
    });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.clearRequests());
  afterEach(() => stack.upstream.faults.clear());

  it('a hung upstream is cut at the deadline', async () => {
    stack.upstream.faults.inject({ fault: { kind: 'hang' } });
    const requestId = nextRequestId();
    const response = await postGraphQL(stack.url, PHONE_NUMBERS, undefined, { 'x-request-id': requestId });
    expect(codesOf(response)).toEqual(['UPSTREAM_TIMEOUT']);
    expect(stack.upstream.requests).toHaveLength(1);
    // The one attempt got what was left of the 400 ms deadline as its budget, not the 5 s attempt timeout.
    const [attempt, ...more] = await attemptLines(stack, requestId);
    expect(more).toEqual([]);
    expect(attempt).toMatchObject({ error: 'CARTESIA_TIMEOUT' });
    expect(attempt!.timeoutMs).toBeLessThanOrEqual(400);
  });

  it('no retry waits past the deadline, whatever Retry-After asks', async () => {
    stack.upstream.faults.inject({ fault: status503RetryAfter(2) });
    const response = await stack.query(PHONE_NUMBERS);
    expect(codesOf(response)).toEqual(['UPSTREAM_ERROR']);
    expect(stack.upstream.requests).toHaveLength(1);
  });
});

function status503RetryAfter(seconds: number): Fault {
  return { kind: 'status', status: 503, headers: { 'retry-after': String(seconds) } };
}

describe('the circuit breaker', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      env: {
        ...RESILIENT_ENV,
        UPSTREAM_RETRIES: '0',
        UPSTREAM_BREAKER_THRESHOLD: '3',
        UPSTREAM_BREAKER_COOLDOWN_MS: '1000',
      },
    });
  });
  afterAll(() => stack.close());

  it('opens after consecutive failures, answers fast without calling, and closes by itself', async () => {
    stack.upstream.faults.inject({ fault: { kind: 'status', status: 503 } });
    for (let i = 0; i < 3; i += 1) expect(codesOf(await stack.query(PHONE_NUMBERS))).toEqual(['UPSTREAM_ERROR']);
    stack.upstream.clearRequests();
    const open = await stack.query(PHONE_NUMBERS);
    expect(codesOf(open)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(open.body.errors![0]!.message).toMatch(/pauses calls/);
    expect(stack.upstream.requests).toHaveLength(0);
    await stack.logs.waitFor((entry) => entry.msg === 'upstream circuit open');
    expect(await circuitState()).toEqual({ closed: 0, open: 1 });

    // The upstream recovers; after the cool-down one trial call closes the circuit.
    stack.upstream.faults.clear();
    const recovered = await pollUntil(async () => {
      const response = await stack.query(PHONE_NUMBERS, { first: 1 });
      if (codesOf(response).length === 0) return response;
      expect(codesOf(response)).toEqual(['UPSTREAM_UNAVAILABLE']);
      return undefined;
    }, 'the circuit to close again');
    expect(recovered.body.data).toBeTruthy();
    await stack.logs.waitFor((entry) => entry.msg === 'upstream circuit closed');
    expect(await circuitState()).toEqual({ closed: 1, open: 0 });
  });

  /** The breaker gauge as /metrics shows it. */
  async function circuitState() {
    const metrics = await scrape(`${stack.url}/metrics`);
    const state = (name: string) => metrics.value('gateway_upstream_circuit_breaker_state', { state: name });
    return { closed: state('closed'), open: state('open') };
  }
});

describe('bounded upstream concurrency and client aborts', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      env: {
        ...RESILIENT_ENV,
        UPSTREAM_CONNECTIONS: '1',
        UPSTREAM_MAX_QUEUE: '1',
        UPSTREAM_TIMEOUT_MS: '20000',
        REQUEST_DEADLINE_MS: '20000',
      },
    });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.clearRequests());
  afterEach(() => stack.upstream.faults.clear());

  it('refuses a call beyond socket + queue with UPSTREAM_OVERLOADED, and aborts upstream calls of clients that left', async () => {
    stack.upstream.faults.inject({ fault: { kind: 'hang' }, times: 1 });
    const hanging = new AbortController();
    const first = fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'client-goes-away' },
      body: JSON.stringify({ query: PHONE_NUMBERS, variables: { first: 1 } }),
      signal: hanging.signal,
    }).catch((error: unknown) => error);
    await pollUntil(() => stack.upstream.requests.length === 1, 'the upstream to see the first call');

    // The one socket hangs; of two more calls, one may wait, the other is refused.
    stack.upstream.faults.inject({ fault: { kind: 'delay', ms: 100 } });
    const [second, third] = await Promise.all([
      stack.query(PHONE_NUMBER, { id: stack.upstream.records[1]!.id }),
      stack.query(PHONE_NUMBER, { id: stack.upstream.records[2]!.id }),
      // Let both queue up, then free the socket by letting the first client go.
      untilLogged('UPSTREAM_OVERLOADED').then(() => hanging.abort()),
    ]);
    const codes = [...codesOf(second), ...codesOf(third)];
    expect(codes).toEqual(['UPSTREAM_OVERLOADED']);
    expect([second, third].filter((r) => (r.body.data as { phoneNumber: unknown } | null)?.phoneNumber)).toHaveLength(
      1,
    );
    expect((await first) as Error).toMatchObject({ name: 'AbortError' });

    // The first client's upstream call was aborted when it left, not left to time out.
    await stack.logs.waitFor((entry) => entry.requestId === 'client-goes-away' && entry.outcome === 'aborted');
    await stack.logs.waitFor(
      (entry) =>
        entry.requestId === 'client-goes-away' && entry.msg === 'upstream call' && entry.error === 'CARTESIA_ABORTED',
    );
  });

  it('with no queue at all, calls run while a socket is free', async () => {
    const noQueue = await startTestStack({
      env: { ...RESILIENT_ENV, UPSTREAM_CONNECTIONS: '2', UPSTREAM_MAX_QUEUE: '0' },
    });
    try {
      const responses = await Promise.all([1, 2].map((first) => noQueue.query(PHONE_NUMBERS, { first })));
      expect(responses.map(codesOf)).toEqual([[], []]);
    } finally {
      await noQueue.close();
    }
  });

  function untilLogged(code: string) {
    return stack.logs.waitFor((entry) => Array.isArray(entry.errorCodes) && entry.errorCodes.includes(code));
  }
});
