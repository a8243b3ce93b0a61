import { postGraphQL, startTestStack, type TestStack } from '../helpers/gateway';

const QUERY = '{ phoneNumbers(first: 1) { nodes { id } } }';

/** Sends one request that arrived through a proxy which wrote `forwardedFor`. */
const viaProxy = (stack: TestStack, forwardedFor: string) =>
  postGraphQL(stack.url, QUERY, undefined, { 'x-forwarded-for': forwardedFor });

// Behind a proxy every anonymous client shares the proxy's socket address.
// With TRUST_PROXY set to the proxies' hop count, each client is the address
// the nearest proxy appended, so each has its own rate-limit budget, and an
// address a client wrote itself (further left) is not believed.
describe('anonymous clients behind one proxy (TRUST_PROXY=1)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { TRUST_PROXY: '1', RATE_LIMIT_MAX: '2', RATE_LIMIT_WINDOW_MS: '60000' } });
  });
  afterAll(() => stack.close());

  it('gives each client its own budget', async () => {
    const statuses = [];
    for (const client of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
      statuses.push((await viaProxy(stack, client)).status, (await viaProxy(stack, client)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    const third = await viaProxy(stack, '203.0.113.1');
    expect([third.status, third.body.errors?.[0]?.extensions?.code]).toEqual([429, 'RATE_LIMITED']);
  });

  it('keys by the address the proxy appended, not one the client wrote before it', async () => {
    const client = '198.51.100.7';
    await viaProxy(stack, `10.9.9.1, ${client}`);
    await viaProxy(stack, `10.9.9.2, ${client}`);
    expect((await viaProxy(stack, `10.9.9.3, ${client}`)).status).toBe(429);
  });
});

describe('the same clients with no proxy trust configured', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { RATE_LIMIT_MAX: '2', RATE_LIMIT_WINDOW_MS: '60000' } });
  });
  afterAll(() => stack.close());

  it('share the proxy’s one budget (why the shipped deployments set TRUST_PROXY)', async () => {
    const statuses = [];
    for (const client of ['203.0.113.1', '203.0.113.2', '203.0.113.3'])
      statuses.push((await viaProxy(stack, client)).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});
