import { SignJWT, exportJWK, generateKeyPair, type KeyLike } from 'jose';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getGraphQL, postGraphQL, startTestStack, type TestStack } from '../helpers/gateway';
import { scrape } from '../helpers/metrics';
import { hasRedisServer, startRedis, type TestRedis } from '../helpers/redis';

// Writes that must not happen twice, reads that must see them, and who may
// write at all; over real HTTP on both sides.

const PROVISION = `mutation($input: ProvisionPhoneNumberInput!) {
  provisionPhoneNumber(input: $input) { phoneNumber { id label } userErrors { code field } clientMutationId }
}`;
const RELABEL = `mutation($id: ID!, $label: String!) {
  updatePhoneNumber(input: { id: $id, label: $label }) { phoneNumber { id label } userErrors { code } }
}`;
const LABEL = `query($id: ID!) { phoneNumber(id: $id) { id label } }`;
const LIST_LABELS = `{ phoneNumbers(first: 5) { nodes { id label } } }`;

const writesTo = (stack: TestStack, method: string) => stack.upstream.requests.filter((r) => r.method === method);
const firstUnassigned = (stack: TestStack) => stack.upstream.records.find((record) => !record.agent)!;

describe('no unsafe retry', () => {
  let stack: TestStack;
  beforeEach(async () => {
    stack = await startTestStack({ env: { UPSTREAM_RETRIES: '2', UPSTREAM_RETRY_BASE_DELAY_MS: '1' } });
  });
  afterEach(() => stack.close());

  it.each([
    ['a reset', { kind: 'reset' as const, afterApply: true }],
    ['a 503', { kind: 'status' as const, status: 503, afterApply: true }],
  ])('a provision answered by %s after it was applied is sent once, and says the outcome is unknown', async (_name, fault) => {
    stack.upstream.faults.inject({ fault, method: 'POST', times: 1 });
    const response = await stack.query(PROVISION, { input: { label: 'Once' } });
    expect(response.body.errors![0]!.extensions!.code).toBe('WRITE_OUTCOME_UNKNOWN');
    expect(writesTo(stack, 'POST')).toHaveLength(1);
    expect(stack.upstream.records.filter((r) => r.label === 'Once')).toHaveLength(1);
  });

  it('a relabel (an idempotent PATCH) is retried after a 503 and succeeds', async () => {
    const record = firstUnassigned(stack);
    stack.upstream.faults.inject({ fault: { kind: 'status', status: 503, afterApply: true }, method: 'PATCH', times: 1 });
    const data = await stack.data(RELABEL, { id: record.id, label: 'Retried' });
    expect(data.updatePhoneNumber.phoneNumber.label).toBe('Retried');
    expect(writesTo(stack, 'PATCH')).toHaveLength(2);
  });

  it('a delete whose first answer was lost is retried, and the 404 of the retry counts as deleted', async () => {
    const record = firstUnassigned(stack);
    stack.upstream.faults.inject({ fault: { kind: 'reset', afterApply: true }, method: 'DELETE', times: 1 });
    const data = await stack.data(`mutation($id: ID!) { deletePhoneNumber(input: { id: $id }) { deletedPhoneNumberId userErrors { code } } }`, {
      id: record.id,
    });
    expect(data.deletePhoneNumber).toEqual({ deletedPhoneNumberId: record.id, userErrors: [] });
    expect(writesTo(stack, 'DELETE')).toHaveLength(2);
  });
});

describe('idempotency keys', () => {
  let stack: TestStack;
  beforeEach(async () => {
    stack = await startTestStack();
  });
  afterEach(() => stack.close());

  it('returns the first answer to the same key and input, with no second write', async () => {
    const input = { label: 'Keyed', idempotencyKey: 'key-1' };
    const first = await stack.data(PROVISION, { input: { ...input, clientMutationId: 'a' } });
    const again = await stack.data(PROVISION, { input: { ...input, clientMutationId: 'b' } });
    expect(again.provisionPhoneNumber.phoneNumber).toEqual(first.provisionPhoneNumber.phoneNumber);
    expect(again.provisionPhoneNumber.clientMutationId).toBe('b');
    expect(writesTo(stack, 'POST')).toHaveLength(1);
    await stack.logs.waitFor((entry) => (entry.audit as { outcome?: string } | undefined)?.outcome === 'replayed');
  });

  it('makes concurrent duplicates wait for the first answer', async () => {
    stack.upstream.faults.inject({ fault: { kind: 'delay', ms: 300 }, method: 'POST', times: 1 });
    const input = { label: 'Concurrent', idempotencyKey: 'key-2' };
    const answers = await Promise.all([1, 2, 3, 4].map(() => stack.data(PROVISION, { input })));
    const ids = new Set(answers.map((answer) => answer.provisionPhoneNumber.phoneNumber.id));
    expect(ids.size).toBe(1);
    expect(writesTo(stack, 'POST')).toHaveLength(1);
  });

  it('refuses the same key with another input as IDEMPOTENCY_KEY_REUSED, writing nothing', async () => {
    await stack.data(PROVISION, { input: { label: 'First', idempotencyKey: 'key-3' } });
    const reused = await stack.data(PROVISION, { input: { label: 'Second', idempotencyKey: 'key-3' } });
    expect(reused.provisionPhoneNumber.userErrors).toEqual([{ code: 'IDEMPOTENCY_KEY_REUSED', field: ['input', 'idempotencyKey'] }]);
    expect(writesTo(stack, 'POST')).toHaveLength(1);
  });

  it('keeps an unknown outcome: a retry with the same key writes nothing and says the outcome is still unknown', async () => {
    stack.upstream.faults.inject({ fault: { kind: 'reset', afterApply: true }, method: 'POST', times: 1 });
    const input = { label: 'Maybe written', idempotencyKey: 'unknown-key' };
    const first = await stack.query(PROVISION, { input });
    expect(first.body.errors![0]!.extensions!.code).toBe('WRITE_OUTCOME_UNKNOWN');
    const retry = await stack.query(PROVISION, { input });
    expect(retry.body.errors![0]!.extensions!.code).toBe('WRITE_OUTCOME_UNKNOWN');
    expect(writesTo(stack, 'POST')).toHaveLength(1);
    expect(stack.upstream.records.filter((r) => r.label === 'Maybe written')).toHaveLength(1);
  });

  it('does not keep a refusal made before writing: the same key works once the input is fixed', async () => {
    const refused = await stack.data(PROVISION, { input: { label: 'Agent', agentId: 'agent_nobody', idempotencyKey: 'key-5' } });
    expect(refused.provisionPhoneNumber.userErrors[0].code).toBe('AGENT_NOT_FOUND');
    expect(writesTo(stack, 'POST')).toHaveLength(0);
    const fixed = await stack.data(PROVISION, { input: { label: 'Agent', idempotencyKey: 'key-5' } });
    expect(fixed.provisionPhoneNumber.userErrors).toEqual([]);
    expect(writesTo(stack, 'POST')).toHaveLength(1);
  });
});

describe('reads after a write', () => {
  let stack: TestStack;
  beforeEach(async () => {
    stack = await startTestStack({ env: { CACHE_TTL_MS: '60000' } });
  });
  afterEach(() => stack.close());

  it('see the change through the payload cache (lookup and list)', async () => {
    const record = stack.upstream.records[0]!;
    await stack.data(LABEL, { id: record.id });
    await stack.data(LIST_LABELS);
    const cachedGets = writesTo(stack, 'GET').length;
    await stack.data(LABEL, { id: record.id });
    expect(writesTo(stack, 'GET')).toHaveLength(cachedGets);
    await stack.data(RELABEL, { id: record.id, label: 'After write' });
    expect((await stack.data(LABEL, { id: record.id })).phoneNumber.label).toBe('After write');
    const list = await stack.data(LIST_LABELS);
    expect(list.phoneNumbers.nodes[0]).toEqual({ id: record.id, label: 'After write' });
  });

  it('GET answers may not be kept by any cache without asking again', async () => {
    const response = await getGraphQL(stack.url, { query: LIST_LABELS });
    expect(response.headers.get('cache-control')).toMatch(/no-cache/);
  });
});

const withRedis = hasRedisServer() ? describe : describe.skip;

withRedis('two replicas sharing Redis', () => {
  let redis: TestRedis;
  let one: TestStack;
  let two: TestStack;
  beforeAll(async () => {
    redis = await startRedis();
    const env = { CACHE_TTL_MS: '60000', REDIS_URL: redis.url };
    one = await startTestStack({ env });
    two = await startTestStack({ env, baseUrl: one.upstream.url });
  });
  afterAll(async () => {
    await two?.close();
    await one?.close();
    await redis?.close();
  });

  it('a write through one replica is read through the other at once', async () => {
    const record = one.upstream.records[1]!;
    await two.data(LABEL, { id: record.id });
    await one.data(RELABEL, { id: record.id, label: 'Fleet-wide' });
    expect((await two.data(LABEL, { id: record.id })).phoneNumber.label).toBe('Fleet-wide');
  });

  it('an idempotency key used on one replica replays on the other', async () => {
    const input = { label: 'Across replicas', idempotencyKey: 'fleet-key' };
    const first = await one.data(PROVISION, { input });
    const again = await two.data(PROVISION, { input });
    expect(again.provisionPhoneNumber.phoneNumber).toEqual(first.provisionPhoneNumber.phoneNumber);
    expect(one.upstream.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});

withRedis('idempotency keys while Redis is down', () => {
  let redis: TestRedis;
  let stack: TestStack;
  beforeAll(async () => {
    redis = await startRedis();
    stack = await startTestStack({ env: { REDIS_URL: redis.url } });
    await redis.stop();
  });
  afterAll(async () => {
    await stack?.close();
    await redis?.close();
  });

  it('still replay on the same replica, and the outage shows in the metrics and the log', async () => {
    const input = { label: 'During an outage', idempotencyKey: 'outage-key' };
    const first = await stack.data(PROVISION, { input });
    const again = await stack.data(PROVISION, { input });
    expect(again.provisionPhoneNumber.phoneNumber).toEqual(first.provisionPhoneNumber.phoneNumber);
    expect(writesTo(stack, 'POST')).toHaveLength(1);
    const metrics = await scrape(stack.gateway.metricsUrl!);
    expect(metrics.value('gateway_shared_state_fallbacks_total', { store: 'idempotency' })).toBeGreaterThanOrEqual(1);
    const line = await stack.logs.waitFor((entry) => entry.store === 'idempotency');
    expect(line.msg).toMatch(/answered from memory/);
  });
});

describe('who may write', () => {
  const PRODUCTION = { NODE_ENV: 'production' };

  it('a production gateway without AUTH_MODE refuses every mutation with FORBIDDEN and writes nothing', async () => {
    const stack = await startTestStack({ env: PRODUCTION });
    try {
      const response = await stack.query(PROVISION, { input: { label: 'No' } });
      expect(response.status).toBe(403);
      expect(response.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(response.body.data ?? null).toBeNull();
      expect(stack.upstream.requests).toEqual([]);
      // Reads need no write permission.
      expect((await stack.data(LIST_LABELS)).phoneNumbers.nodes).toHaveLength(5);
    } finally {
      await stack.close();
    }
  });

  it('ALLOW_ANONYMOUS_WRITES lets it write', async () => {
    const stack = await startTestStack({ env: { ...PRODUCTION, ALLOW_ANONYMOUS_WRITES: 'true' } });
    try {
      expect((await stack.data(PROVISION, { input: { label: 'Yes' } })).provisionPhoneNumber.userErrors).toEqual([]);
    } finally {
      await stack.close();
    }
  });

  it('static tokens: AUTH_TOKENS read only, AUTH_WRITE_TOKENS read and write', async () => {
    const stack = await startTestStack({ env: { AUTH_MODE: 'static', AUTH_TOKENS: 'reader-token', AUTH_WRITE_TOKENS: 'writer-token' } });
    try {
      const asReader = { authorization: 'Bearer reader-token' };
      const refused = await postGraphQL(stack.url, PROVISION, { input: { label: 'R' } }, asReader);
      expect(refused.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(stack.upstream.requests).toEqual([]);
      expect((await postGraphQL(stack.url, LIST_LABELS, {}, asReader)).body.errors).toBeUndefined();
      const written = await postGraphQL(stack.url, PROVISION, { input: { label: 'W' } }, { authorization: 'Bearer writer-token' });
      expect(written.body.errors).toBeUndefined();
      expect(writesTo(stack, 'POST')).toHaveLength(1);
    } finally {
      await stack.close();
    }
  });

  it('refuses mutations over GET', async () => {
    const stack = await startTestStack();
    try {
      const response = await getGraphQL(stack.url, { query: PROVISION, variables: { input: { label: 'G' } } });
      expect(response.status).toBe(405);
      expect(stack.upstream.requests).toEqual([]);
    } finally {
      await stack.close();
    }
  });

  describe('JWT', () => {
    let jwks: http.Server;
    let key: KeyLike;
    let stack: TestStack;
    const token = (claims: Record<string, unknown>) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: 'k' })
        .setIssuer('https://issuer.test/')
        .setAudience('gw')
        .setSubject('user-7')
        .setExpirationTime('5m')
        .sign(key);
    beforeAll(async () => {
      const pair = await generateKeyPair('ES256');
      key = pair.privateKey;
      const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k', alg: 'ES256', use: 'sig' };
      jwks = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
      await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
      const { port } = jwks.address() as AddressInfo;
      stack = await startTestStack({
        env: { AUTH_MODE: 'jwt', AUTH_JWKS_URL: `http://127.0.0.1:${port}/`, AUTH_JWT_ISSUER: 'https://issuer.test/', AUTH_JWT_AUDIENCE: 'gw' },
      });
    });
    afterAll(async () => {
      await stack?.close();
      await new Promise((resolve) => jwks?.close(resolve));
    });

    it.each([
      ['scope without the write scope', { scope: 'phone_numbers:read' }, false],
      ['scope with it, space-separated', { scope: 'phone_numbers:read phone_numbers:write' }, true],
      ['scp as a list with it', { scp: ['phone_numbers:write'] }, true],
      ['no scope at all', {}, false],
    ])('%s', async (_name, claims, allowed) => {
      const before = writesTo(stack, 'POST').length;
      const response = await postGraphQL(stack.url, PROVISION, { input: { label: 'J' } }, { authorization: `Bearer ${await token(claims)}` });
      if (allowed) expect(response.body.errors).toBeUndefined();
      else expect(response.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(writesTo(stack, 'POST').length - before).toBe(allowed ? 1 : 0);
    });
  });
});
