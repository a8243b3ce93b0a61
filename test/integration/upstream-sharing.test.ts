import { memoryPayloadCache, type PayloadCache } from '../../src/stores/payload-cache';
import { CartesiaClient, type UpstreamDeps, type UpstreamOptions } from '../../src/cartesia/client';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AttemptEnd } from '../../src/cartesia/events';
import { openApiFingerprint } from '../../src/cartesia/openapi-document';
import { loadConfig } from '../../src/config';
import {
  CartesiaAbortedError,
  CartesiaContractError,
  CartesiaHttpError,
  CartesiaTimeoutError,
} from '../../src/cartesia/errors';
import { startDemoUpstream, type DemoUpstream } from '../../src/demo-upstream';
import { TEST_API_KEY } from '../helpers/gateway';
import { pollUntil } from '../helpers/wait';

// The client against the real demo upstream over loopback. Calls made in the
// same tick overlap by construction, so coalescing is checked without timing.

let upstream: DemoUpstream;
const clients: CartesiaClient[] = [];

function client(options: Partial<UpstreamOptions> & Partial<UpstreamDeps> = {}): CartesiaClient {
  const { apiKey = TEST_API_KEY, cache, log, ...upstreamOptions } = options;
  const created = new CartesiaClient(
    {
      // The documented defaults, from the one config definition.
      ...loadConfig({}).upstream,
      baseUrl: upstream.url,
      version: '2026-03-01',
      timeoutMs: 5_000,
      // No retries unless a test asks: one upstream request per logical call.
      retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1, retryAfterMaxMs: 0 },
      cacheTtlMs: 60_000,
      ...upstreamOptions,
    },
    { apiKey, cache, log },
  );
  clients.push(created);
  return created;
}

beforeAll(async () => {
  upstream = await startDemoUpstream({ apiKey: TEST_API_KEY });
});
afterAll(() => upstream.close());
beforeEach(() => upstream.clearRequests());
afterEach(async () => {
  upstream.faults.clear();
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

const firstPage = () => ({ data: upstream.records.slice(0, 10), has_more: true });

describe('identical concurrent upstream GETs share one call', () => {
  it('25 callers asking for the same page at once cost one upstream call, and all get the page', async () => {
    const shared = client();
    const pages = await Promise.all(Array.from({ length: 25 }, () => shared.listPhoneNumbers({ limit: 10 })));
    expect(upstream.requests).toHaveLength(1);
    for (const page of pages) expect(page).toEqual(firstPage());
  });

  it('keeps different pages and different ids apart', async () => {
    const shared = client();
    const [a, b] = upstream.records;
    await Promise.all([
      shared.listPhoneNumbers({ limit: 10 }),
      shared.listPhoneNumbers({ limit: 5 }),
      shared.getPhoneNumber(a!.id),
      shared.getPhoneNumber(b!.id),
      shared.getPhoneNumber(a!.id),
    ]);
    expect(upstream.requests).toHaveLength(4);
  });

  it('shares an error with the callers that overlapped, and does not keep it', async () => {
    const shared = client();
    upstream.faults.inject({ fault: { kind: 'status', status: 503 }, times: 1 });
    const failed = await Promise.allSettled(Array.from({ length: 5 }, () => shared.listPhoneNumbers({ limit: 10 })));
    for (const result of failed) {
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(CartesiaHttpError);
    }
    expect(upstream.requests).toHaveLength(1);
    await expect(shared.listPhoneNumbers({ limit: 10 })).resolves.toEqual(firstPage());
    expect(upstream.requests).toHaveLength(2);
  });

  it('lets a caller that gives up leave without cancelling the call for the others', async () => {
    const shared = client();
    const leaving = new AbortController();
    const left = shared.listPhoneNumbers({ limit: 10 }, { signal: leaving.signal });
    const stayed = shared.listPhoneNumbers({ limit: 10 }, { signal: new AbortController().signal });
    leaving.abort();
    await expect(left).rejects.toBeInstanceOf(CartesiaAbortedError);
    await expect(stayed).resolves.toEqual(firstPage());
    expect(upstream.requests).toHaveLength(1);
  });

  it('cancels the upstream call when every caller has given up', async () => {
    // One connection: if the hanging call were not cancelled, the next call would queue behind it and time out.
    const single = client({ connections: 1, timeoutMs: 3_000 });
    upstream.faults.inject({ fault: { kind: 'hang' }, times: 1 });
    const controllers = [new AbortController(), new AbortController()];
    const callers = controllers.map((c) => single.listPhoneNumbers({ limit: 10 }, { signal: c.signal }));
    await pollUntil(() => upstream.requests.length === 1, 'the hanging upstream request');
    controllers.forEach((c) => c.abort());
    for (const caller of callers) await expect(caller).rejects.toBeInstanceOf(CartesiaAbortedError);
    await expect(single.listPhoneNumbers({ limit: 10 })).resolves.toEqual(firstPage());
    expect(upstream.requests).toHaveLength(2);
  });

  it('shares the whole resilient call: one retry sequence serves every caller', async () => {
    const shared = client({ retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 1, retryAfterMaxMs: 0 } });
    upstream.faults.inject({ fault: { kind: 'status', status: 503 }, times: 1 });
    const pages = await Promise.all(Array.from({ length: 5 }, () => shared.listPhoneNumbers({ limit: 10 })));
    for (const page of pages) expect(page).toEqual(firstPage());
    // The failed attempt and its one retry: not one retry per caller.
    expect(upstream.requests).toHaveLength(2);
  });

  it("bounds a joining caller's wait by its own deadline, and leaves the call to the others", async () => {
    const single = client({ connections: 1, timeoutMs: 3_000 });
    upstream.faults.inject({ fault: { kind: 'hang' }, times: 1 });
    const starter = new AbortController();
    const started = single.listPhoneNumbers({ limit: 10 }, { signal: starter.signal });
    await pollUntil(() => upstream.requests.length === 1, 'the hanging upstream request');
    const joined = single.listPhoneNumbers({ limit: 10 }, { deadlineAt: Date.now() + 50 });
    await expect(joined).rejects.toBeInstanceOf(CartesiaTimeoutError);
    starter.abort();
    await expect(started).rejects.toBeInstanceOf(CartesiaAbortedError);
    await expect(single.listPhoneNumbers({ limit: 10 })).resolves.toEqual(firstPage());
    expect(upstream.requests).toHaveLength(2);
  });
});

describe('the payload cache', () => {
  function recording(cache: PayloadCache) {
    const keys: string[] = [];
    return {
      keys,
      cache: { ...cache, get: (key: string) => (keys.push(key), cache.get(key)) } satisfies PayloadCache,
    };
  }

  it('reuses a validated payload until its TTL has passed', async () => {
    let now = 1_000;
    const cached = client({ cache: memoryPayloadCache({ now: () => now }), cacheTtlMs: 500 });
    const id = upstream.records[3]!.id;
    await cached.listPhoneNumbers({ limit: 10 });
    await cached.getPhoneNumber(id);
    now += 400;
    await expect(cached.listPhoneNumbers({ limit: 10 })).resolves.toEqual(firstPage());
    await expect(cached.getPhoneNumber(id)).resolves.toEqual(upstream.records[3]);
    expect(upstream.requests).toHaveLength(2);
    now += 200;
    await cached.listPhoneNumbers({ limit: 10 });
    expect(upstream.requests).toHaveLength(3);
  });

  it('keeps neither errors, nor broken payloads, nor 404s', async () => {
    const cached = client({ cache: memoryPayloadCache() });
    upstream.faults.inject({ fault: { kind: 'status', status: 503 }, times: 1 });
    await expect(cached.listPhoneNumbers({ limit: 10 })).rejects.toBeInstanceOf(CartesiaHttpError);
    upstream.faults.inject({ fault: { kind: 'drift' }, times: 1 });
    await expect(cached.listPhoneNumbers({ limit: 10 })).rejects.toBeInstanceOf(CartesiaContractError);
    await expect(cached.listPhoneNumbers({ limit: 10 })).resolves.toEqual(firstPage());
    await expect(cached.getPhoneNumber('pn_missing')).resolves.toBeNull();
    await expect(cached.getPhoneNumber('pn_missing')).resolves.toBeNull();
    expect(upstream.requests).toHaveLength(5);
  });

  it('keys entries by URL and a fingerprint of the API key, never the key itself', async () => {
    const one = recording(memoryPayloadCache());
    const other = recording(memoryPayloadCache());
    await client({ cache: one.cache }).listPhoneNumbers({ limit: 10, q: 'x' });
    await client({ cache: other.cache, apiKey: 'sk_car_another_key' })
      .listPhoneNumbers({ limit: 10, q: 'x' })
      .catch(() => undefined);
    const [key, otherKey] = [one.keys[0]!, other.keys[0]!];
    expect(key).toContain(`${upstream.url}/agents/phone-numbers?limit=10&q=x`);
    expect(key).not.toContain(TEST_API_KEY);
    expect(otherKey).not.toContain('sk_car_another_key');
    expect(otherKey).not.toBe(key);
  });

  it('versions keys by the upstream contract: a hash of the OpenAPI file is part of every key', async () => {
    const store = recording(memoryPayloadCache());
    await client({ cache: store.cache }).listPhoneNumbers({ limit: 10 });
    expect(store.keys[0]).toContain(` ${openApiFingerprint()} `);
  });

  it('validates a hit like a fresh body: an entry that breaks the contract is a miss', async () => {
    const memory = memoryPayloadCache();
    const store = recording(memory);
    const cached = client({ cache: store.cache });
    await cached.listPhoneNumbers({ limit: 10 });
    const entry = (await memory.get(store.keys[0]!)) as { generation: string };
    await memory.set(store.keys[0]!, { ...entry, body: { data: [{ id: 42 }], has_more: 'perhaps' } }, 10, 60_000);
    await expect(cached.listPhoneNumbers({ limit: 10 })).resolves.toEqual(firstPage());
    expect(upstream.requests).toHaveLength(2);
  });
});

describe('the OpenAPI fingerprint', () => {
  it('changes with the contract file, and only then', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'contract-'));
    const [one, two] = [path.join(dir, 'a.yaml'), path.join(dir, 'b.yaml')];
    writeFileSync(one, 'openapi: 3.0.0\n');
    writeFileSync(two, 'openapi: 3.0.1\n');
    expect(openApiFingerprint(one)).toBe(openApiFingerprint(one));
    expect(openApiFingerprint(one)).not.toBe(openApiFingerprint(two));
  });
});

describe('the client events', () => {
  it('announces each attempt with headers a listener may fill, which are sent upstream, then reports its end', async () => {
    const observed = client({ retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 1, retryAfterMaxMs: 0 } });
    const ends: AttemptEnd[] = [];
    observed.events.on('attemptStart', (start) => {
      start.headers['x-listener'] = `attempt-${start.attempt}`;
    });
    observed.events.on('attemptEnd', (end) => ends.push(end));
    upstream.faults.inject({ fault: { kind: 'status', status: 503 }, times: 1 });
    await observed.listPhoneNumbers({ limit: 10 }, { requestId: 'ev-1', traceContext: 'opaque' });
    expect(upstream.requests.map((r) => r.headers['x-listener'])).toEqual(['attempt-0', 'attempt-1']);
    expect(upstream.requests.map((r) => r.headers['x-request-id'])).toEqual(['ev-1', 'ev-1']);
    expect(ends.map((end) => [end.start.attempt, end.status, (end.error as Error | undefined)?.name])).toEqual([
      [0, 503, 'CartesiaHttpError'],
      [1, 200, undefined],
    ]);
    expect(ends[0]!.start).toMatchObject({
      operation: 'GET /agents/phone-numbers',
      method: 'GET',
      traceContext: 'opaque',
    });
  });

  it('reports joins and store lookups as shared-call events, and breaker changes', async () => {
    const observed = client({
      cache: memoryPayloadCache(),
      breaker: { threshold: 1, cooldownMs: 60_000 },
    });
    const shared: string[] = [];
    const breaker: string[] = [];
    observed.events.on('shared', (lookup) => shared.push(`${lookup.cache}:${lookup.result}`));
    observed.events.on('breaker', ({ state }) => breaker.push(state));
    await Promise.all([
      observed.getPhoneNumber(upstream.records[0]!.id),
      observed.getPhoneNumber(upstream.records[0]!.id),
    ]);
    await observed.getPhoneNumber(upstream.records[0]!.id);
    expect(shared).toEqual(['coalesced:hit', 'response:miss', 'response:hit']);
    upstream.faults.inject({ fault: { kind: 'status', status: 500 }, times: 1 });
    await expect(observed.listPhoneNumbers({ limit: 1 })).rejects.toBeInstanceOf(CartesiaHttpError);
    expect(breaker).toEqual(['open']);
  });
});
