import { startTestStack, type TestStack } from '../helpers/gateway';

const INTROSPECTION = '{ __schema { queryType { name } } }';

describe('HTTP edge (development)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.clearRequests());

  it('answers liveness and readiness with small JSON bodies', async () => {
    for (const [path, body] of [
      ['/healthz', { status: 'ok' }],
      ['/readyz', { status: 'ready' }],
    ] as const) {
      const response = await fetch(`${stack.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect(await response.json()).toEqual(body);
    }
  });

  it('serves queries over GET, with the CSRF-prevention header a non-browser client sends', async () => {
    const query = encodeURIComponent('{ phoneNumbers(first: 2) { nodes { id } } }');
    const response = await fetch(`${stack.url}/graphql?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { phoneNumbers: { nodes: { id: string }[] } } };
    expect(body.data.phoneNumbers.nodes.map((n) => n.id)).toEqual(stack.upstream.records.slice(0, 2).map((r) => r.id));
  });

  it('blocks a simple cross-site GET (Apollo CSRF prevention)', async () => {
    const query = encodeURIComponent('{ phoneNumbers(first: 2) { nodes { id } } }');
    const response = await fetch(`${stack.url}/graphql?query=${query}`);
    expect(response.status).toBe(400);
    expect(stack.upstream.requests).toHaveLength(0);
  });

  it('shows Apollo Sandbox to a browser and allows introspection', async () => {
    const page = await fetch(`${stack.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/sandbox/i);
    const introspection = await stack.data(INTROSPECTION);
    expect(introspection).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('does not run subscriptions the schema does not have', async () => {
    const response = await stack.query('subscription { phoneNumbers { nodes { id } } }');
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(response.body.errors![0]!.message).toMatch(/not configured to execute subscription/);
  });
});

describe('HTTP edge (production)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { NODE_ENV: 'production', AUTH_MODE: 'none' } });
  });
  afterAll(() => stack.close());

  it('has no Sandbox landing page and no introspection', async () => {
    const page = await fetch(`${stack.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/sandbox/i);
    const introspection = await stack.query(INTROSPECTION);
    expect(introspection.body.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('still serves data', async () => {
    const data = await stack.data('{ phoneNumbers(first: 1) { nodes { id } } }');
    expect(data.phoneNumbers.nodes).toHaveLength(1);
  });
});
