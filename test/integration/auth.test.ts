import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type KeyLike } from 'jose';
import { postGraphQL, startTestStack, type TestStack } from '../helpers/gateway';

const QUERY = '{ phoneNumbers(first: 1) { nodes { id } } }';

async function expectUnauthenticated(stack: TestStack, headers: Record<string, string>) {
  stack.upstream.clearRequests();
  const response = await postGraphQL(stack.url, QUERY, undefined, headers);
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  expect(response.body).toEqual({
    errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED', requestId: expect.any(String) } }],
  });
  expect(stack.upstream.requests).toHaveLength(0);
}

async function expectServed(stack: TestStack, headers: Record<string, string>) {
  const response = await postGraphQL<{ phoneNumbers: { nodes: unknown[] } }>(stack.url, QUERY, undefined, headers);
  expect(response.status).toBe(200);
  expect(response.body.data!.phoneNumbers.nodes).toHaveLength(1);
}

async function expectProbesOpen(stack: TestStack) {
  for (const probe of ['/healthz', '/readyz']) expect((await fetch(`${stack.url}${probe}`)).status).toBe(200);
}

describe('static bearer tokens', () => {
  const TOKEN = 'client-token-0123456789';
  const HASHED_TOKEN = 'other-client-token-abcdef';
  let stack: TestStack;
  beforeAll(async () => {
    const digest = createHash('sha256').update(HASHED_TOKEN).digest('hex');
    stack = await startTestStack({ env: { AUTH_MODE: 'static', AUTH_TOKENS: `${TOKEN}, sha256:${digest}` } });
  });
  afterAll(() => stack.close());

  it('serves a listed token, given plainly or as a SHA-256 digest in the config', async () => {
    await expectServed(stack, { authorization: `Bearer ${TOKEN}` });
    await expectServed(stack, { authorization: `bearer ${HASHED_TOKEN}` });
  });

  it.each([
    ['no Authorization header', {}],
    ['an unknown token', { authorization: 'Bearer not-a-listed-token' }],
    ['a prefix of a token', { authorization: `Bearer ${TOKEN.slice(0, -1)}` }],
    ['Basic auth', { authorization: `Basic ${Buffer.from(`u:${TOKEN}`).toString('base64')}` }],
    ['an empty bearer', { authorization: 'Bearer ' }],
  ])('refuses %s with 401 UNAUTHENTICATED and no upstream call', async (_name, headers) => {
    await expectUnauthenticated(stack, headers);
  });

  it('leaves liveness and readiness open', () => expectProbesOpen(stack));

  it('refuses GET queries without a token too', async () => {
    const response = await fetch(`${stack.url}/graphql?query=${encodeURIComponent(QUERY)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(401);
  });
});

describe('JWT verified against a JWKS', () => {
  const ISSUER = 'https://issuer.test/';
  const AUDIENCE = 'phone-numbers-gateway';
  let privateKey: KeyLike;
  let strangerKey: KeyLike;
  let jwks: http.Server;
  let stack: TestStack;

  const sign = (key: KeyLike, claims: { iss?: string; aud?: string; exp?: string | number; alg?: string } = {}) =>
    new SignJWT({ scope: 'read' })
      .setProtectedHeader({ alg: claims.alg ?? 'ES256', kid: 'test-key' })
      .setIssuer(claims.iss ?? ISSUER)
      .setAudience(claims.aud ?? AUDIENCE)
      .setSubject('user-42')
      .setIssuedAt()
      .setExpirationTime(claims.exp ?? '5m')
      .sign(key);

  beforeAll(async () => {
    const signer = await generateKeyPair('ES256');
    privateKey = signer.privateKey;
    strangerKey = (await generateKeyPair('ES256')).privateKey;
    const jwk = { ...(await exportJWK(signer.publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' };
    jwks = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as AddressInfo;
    stack = await startTestStack({
      env: {
        AUTH_MODE: 'jwt',
        AUTH_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
        AUTH_JWT_ISSUER: ISSUER,
        AUTH_JWT_AUDIENCE: AUDIENCE,
      },
    });
  });
  afterAll(async () => {
    await stack?.close();
    await new Promise((resolve) => jwks?.close(resolve));
  });

  it('serves a valid token and logs its subject as the client', async () => {
    await expectServed(stack, { authorization: `Bearer ${await sign(privateKey)}` });
    await stack.logs.waitFor((entry) => entry.client === 'jwt:user-42' && entry.outcome === 'ok');
  });

  it.each([
    ['a wrong issuer', () => sign(privateKey, { iss: 'https://evil.test/' })],
    ['a wrong audience', () => sign(privateKey, { aud: 'another-api' })],
    ['an expired token', () => sign(privateKey, { exp: Math.floor(Date.now() / 1000) - 600 })],
    ['a token signed by another key', () => sign(strangerKey)],
    [
      'an unsigned token',
      async () => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.`,
    ],
    ['garbage', async () => 'not.a.jwt'],
  ])('refuses %s with 401', async (_name, token) => {
    await expectUnauthenticated(stack, { authorization: `Bearer ${await token()}` });
  });

  it('leaves liveness and readiness open', () => expectProbesOpen(stack));
});

describe('JWT with the JWKS unreachable', () => {
  let stack: TestStack;
  beforeAll(async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    stack = await startTestStack({
      env: {
        AUTH_MODE: 'jwt',
        AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`,
        AUTH_JWT_ISSUER: 'https://issuer.test/',
        AUTH_JWT_AUDIENCE: 'x',
      },
    });
  });
  afterAll(() => stack.close());

  it('is 503 AUTH_UNAVAILABLE (retry), not a 401 that would log users out', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'ES256', kid: 'k' }).sign(privateKey);
    const response = await postGraphQL(stack.url, QUERY, undefined, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(503);
    expect(response.body.errors![0]!.extensions!.code).toBe('AUTH_UNAVAILABLE');
    expect(stack.upstream.requests).toHaveLength(0);
  });
});
