import { startTestStack, type TestStack } from '../helpers/gateway';

const ALLOWED = 'https://app.example.com';

function preflight(url: string, origin: string) {
  return fetch(`${url}/graphql`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    },
  });
}

function crossOriginPost(url: string, origin: string, headers: Record<string, string> = {}) {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
}

describe('CORS with an allow-list (and client auth on)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      env: {
        CORS_ORIGINS: `${ALLOWED}, https://admin.example.com`,
        AUTH_MODE: 'static',
        AUTH_TOKENS: 'browser-token-123',
      },
    });
  });
  afterAll(() => stack.close());

  it('answers a preflight from a listed origin (without asking it for credentials)', async () => {
    const response = await preflight(stack.url, ALLOWED);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('lets a listed origin read the answer and the request id', async () => {
    const response = await crossOriginPost(stack.url, ALLOWED, { authorization: 'Bearer browser-token-123' });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(response.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
  });

  it('gives an unlisted origin no CORS headers, so the browser withholds the answer', async () => {
    const response = await preflight(stack.url, 'https://evil.example.net');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const post = await crossOriginPost(stack.url, 'https://evil.example.net', {
      authorization: 'Bearer browser-token-123',
    });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS by default', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { NODE_ENV: 'production', AUTH_MODE: 'none' } });
  });
  afterAll(() => stack.close());

  it('is closed: no origin is allowed', async () => {
    const response = await preflight(stack.url, ALLOWED);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const post = await crossOriginPost(stack.url, ALLOWED);
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });
});
