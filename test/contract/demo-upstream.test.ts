// The demo upstream is the reference the gateway is tested against, so it is
// itself held to the OpenAPI contract and to Cartesia's pagination rules here,
// over real loopback HTTP.
import http from 'node:http';
import type { ValidateFunction } from 'ajv';
import { describeViolations, upstreamContract } from '../../src/cartesia/contract';
import { loadOpenApiDocument } from '../../src/cartesia/openapi-document';
import type { PhoneNumberListPage, PhoneNumberRecord } from '../../src/cartesia/types';
import { CARTESIA_VERSION, startDemoUpstream, type DemoUpstream } from '../../src/demo-upstream';
import { pollUntil } from '../helpers/wait';
import { minimalRecord } from '../unit/demo-upstream-fixtures';

const API_KEY = 'sk_car_contract_test_0123456789';
const LIST = '/agents/phone-numbers';

let upstream: DemoUpstream;
const contract = upstreamContract();

beforeAll(async () => {
  upstream = await startDemoUpstream({ apiKey: API_KEY });
});
afterAll(() => upstream.close());
afterEach(() => upstream.faults.clear());

// ---------------------------------------------------------------------------
// Helpers

const goodHeaders = (): Record<string, string> => ({
  authorization: `Bearer ${API_KEY}`,
  'cartesia-version': CARTESIA_VERSION,
});

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

async function call(path: string, init: RequestInit = {}, base = upstream): Promise<Answer> {
  const res = await fetch(`${base.url}${path}`, { headers: goodHeaders(), ...init });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

function listPath(params: Record<string, string | number> = {}): string {
  const search = new URLSearchParams(
    Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
  ).toString();
  return search ? `${LIST}?${search}` : LIST;
}

function expectValid<T>(validate: ValidateFunction<T>, body: unknown): asserts body is T {
  // Compared as strings so a failure prints which rule broke.
  expect(validate(body) ? 'valid' : describeViolations(validate.errors)).toBe('valid');
}

/** GET a list page, asserting 200 and the contract. */
async function listPage(params: Record<string, string | number>): Promise<PhoneNumberListPage> {
  const answer = await call(listPath(params));
  expect(answer.status).toBe(200);
  const body: unknown = JSON.parse(answer.text);
  expectValid(contract.isPhoneNumberListPage, body);
  return body;
}

/** Asserts an error answer: the status, and the OpenAPI error body (a human-readable "error" string) saying `why`. */
async function expectError(path: string, init: RequestInit, status: number, why: RegExp): Promise<Answer> {
  const answer = await call(path, init);
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toBe('application/json');
  expect(JSON.parse(answer.text)).toEqual({ error: expect.stringMatching(why) });
  return answer;
}

const NOT_FOUND = /not found|no route/i;
const UNAUTHORIZED = /invalid API key/;

const ids = (records: readonly PhoneNumberRecord[]): string[] => records.map((r) => r.id);

/** Follows starting_after to the end; returns the pages in visiting order. */
async function walkForward(params: Record<string, string | number>): Promise<PhoneNumberRecord[][]> {
  const pages: PhoneNumberRecord[][] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard <= upstream.records.length; guard += 1) {
    const page = await listPage(cursor === undefined ? params : { ...params, starting_after: cursor });
    // has_more must never promise a page that turns out empty.
    if (pages.length > 0) expect(page.data.length).toBeGreaterThan(0);
    pages.push([...page.data]);
    if (!page.has_more) return pages;
    cursor = page.data.at(-1)?.id;
    expect(cursor).toBeDefined();
  }
  throw new Error('forward walk did not terminate');
}

/** Follows ending_before from `start` to the beginning; returns the pages in visiting order. */
async function walkBackward(params: Record<string, string | number>, start: string): Promise<PhoneNumberRecord[][]> {
  const pages: PhoneNumberRecord[][] = [];
  let cursor = start;
  for (let guard = 0; guard <= upstream.records.length; guard += 1) {
    const page = await listPage({ ...params, ending_before: cursor });
    if (pages.length > 0) expect(page.data.length).toBeGreaterThan(0);
    pages.push([...page.data]);
    if (!page.has_more) return pages;
    const first = page.data[0];
    if (!first) throw new Error('has_more with an empty page');
    cursor = first.id;
  }
  throw new Error('backward walk did not terminate');
}

/** Reference search semantics, written independently of the server's. */
function matchesQ(record: PhoneNumberRecord, q: string): boolean {
  const needle = q.normalize('NFC').toLowerCase();
  return [record.number, record.label ?? '', record.agent?.name ?? ''].some((field) =>
    field.normalize('NFC').toLowerCase().includes(needle),
  );
}

const providerIdOf = (record: PhoneNumberRecord): string | undefined =>
  record.provider.type === 'twilio' ? record.provider.id : undefined;

async function expectFilter(
  params: Record<string, string>,
  predicate: (r: PhoneNumberRecord) => boolean,
): Promise<string[]> {
  const expected = ids(upstream.records.filter(predicate));
  const pages = await walkForward({ ...params, limit: 100 });
  expect(ids(pages.flat())).toEqual(expected);
  return expected;
}

/** Raw node:http request, for targets and methods fetch would normalize or refuse. */
function rawRequest(
  method: string,
  target: string,
  headers: Record<string, string> = goodHeaders(),
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  const { hostname, port } = new URL(upstream.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, method, path: target, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Tracks a request's outcome without awaiting it, so a test can assert it is still pending. */
function track(request: Promise<Answer>): { settled: () => string | undefined; outcome: Promise<string> } {
  let settled: string | undefined;
  const outcome = request.then(
    (answer) => (settled = `answered ${answer.status}`),
    () => (settled = 'failed'),
  );
  return { settled: () => settled, outcome };
}

// ---------------------------------------------------------------------------

describe('data set', () => {
  it('serves ~240 records in list order (created_at descending)', () => {
    expect(upstream.records).toHaveLength(240);
    const times = upstream.records.map((r) => Date.parse(r.created_at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});

describe('list pagination', () => {
  it('returns the first 10 records when no parameters are given', async () => {
    const page = await listPage({});
    expect(ids(page.data)).toEqual(ids(upstream.records.slice(0, 10)));
    expect(page.has_more).toBe(true);
  });

  // 8 divides 240: the last page is full and must still say has_more: false.
  it.each([7, 8, 100])('walks forward with limit %i, visiting every record once in order', async (limit) => {
    const pages = await walkForward({ limit });
    expect(ids(pages.flat())).toEqual(ids(upstream.records));
    expect(pages.slice(0, -1).every((page) => page.length === limit)).toBe(true);
    expect(pages).toHaveLength(Math.ceil(upstream.records.length / limit));
  });

  it('walks backward from ending_before=<last id>, each page in list order', async () => {
    const records = upstream.records;
    const last = records.at(-1);
    if (!last) throw new Error('empty data set');
    const pages = await walkBackward({ limit: 7 }, last.id);
    // The first page visited is the one just before the cursor; reversing the
    // page order must rebuild the list (minus the cursor itself).
    expect(ids(pages.reverse().flat())).toEqual(ids(records.slice(0, -1)));
    expect(pages.slice(1).every((page) => page.length === 7)).toBe(true);
  });

  it('reports has_more as "more before" for ending_before', async () => {
    const cursor = upstream.records[20];
    if (!cursor) throw new Error('data set too small');
    const page = await listPage({ ending_before: cursor.id, limit: 5 });
    expect(ids(page.data)).toEqual(ids(upstream.records.slice(15, 20)));
    expect(page.has_more).toBe(true);
    const exact = await listPage({ ending_before: cursor.id, limit: 20 });
    expect(ids(exact.data)).toEqual(ids(upstream.records.slice(0, 20)));
    expect(exact.has_more).toBe(false);
  });

  it('returns an empty page at either end', async () => {
    const [first, last] = [upstream.records[0], upstream.records.at(-1)];
    if (!first || !last) throw new Error('empty data set');
    expect(await listPage({ starting_after: last.id })).toEqual({ data: [], has_more: false });
    expect(await listPage({ ending_before: first.id })).toEqual({ data: [], has_more: false });
  });

  it('positions cursors in the global order even when the cursor does not match the filter', async () => {
    const records = upstream.records;
    const at = records.findIndex((r, i) => i >= records.length / 2 && r.provider.type === 'twilio');
    const cursor = records[at];
    if (!cursor) throw new Error('no twilio record in the second half');
    const isCartesia = (r: PhoneNumberRecord): boolean => r.provider.type === 'cartesia';
    const forward = await listPage({ type: 'cartesia', starting_after: cursor.id, limit: 5 });
    expect(ids(forward.data)).toEqual(
      ids(
        records
          .slice(at + 1)
          .filter(isCartesia)
          .slice(0, 5),
      ),
    );
    const before = records.slice(0, at).filter(isCartesia);
    const backward = await listPage({ type: 'cartesia', ending_before: cursor.id, limit: 5 });
    expect(ids(backward.data)).toEqual(ids(before.slice(-5)));
    expect(backward.has_more).toBe(true);
  });

  it('uses the last value of a repeated parameter', async () => {
    const page = await listPage({ limit: 6 });
    const repeated = await call(`${LIST}?limit=2&limit=6`);
    expect(repeated.status).toBe(200);
    expect(JSON.parse(repeated.text)).toEqual(page);
  });
});

describe('get by id', () => {
  it('returns every record, each valid against the contract and equal to the list entry', async () => {
    const records = upstream.records;
    for (let start = 0; start < records.length; start += 40) {
      const batch = records.slice(start, start + 40);
      const answers = await Promise.all(batch.map((r) => call(`${LIST}/${encodeURIComponent(r.id)}`)));
      answers.forEach((answer, i) => {
        expect(answer.status).toBe(200);
        const body: unknown = JSON.parse(answer.text);
        expectValid(contract.isPhoneNumber, body);
        expect(body).toEqual(batch[i]);
      });
    }
  });

  it('answers 404 not_found for an unknown id', async () => {
    await expectError(`${LIST}/pn_doesNotExist000000000000`, {}, 404, NOT_FOUND);
  });

  it('answers 404 (not a crash) for malformed percent-encoding', async () => {
    await expectError(`${LIST}/%E0%A4%A`, {}, 404, NOT_FOUND);
  });

  it('rejects query parameters, which the endpoint does not define', async () => {
    const first = upstream.records[0];
    if (!first) throw new Error('empty data set');
    await expectError(`${LIST}/${first.id}?limit=1`, {}, 400, /Unknown query parameter "limit"/);
  });
});

describe('filters', () => {
  it('agent_id returns exactly the records assigned to that agent', async () => {
    const agentIds = [...new Set(upstream.records.flatMap((r) => (r.agent ? [r.agent.id] : [])))];
    expect(agentIds.length).toBeGreaterThanOrEqual(5);
    for (const agentId of agentIds) {
      const matched = await expectFilter({ agent_id: agentId }, (r) => r.agent?.id === agentId);
      expect(matched.length).toBeGreaterThan(1);
    }
    expect(await expectFilter({ agent_id: 'agent_nobody' }, () => false)).toEqual([]);
  });

  it('provider_id returns exactly the records on that Twilio link', async () => {
    const providerIds = [...new Set(upstream.records.flatMap((r) => providerIdOf(r) ?? []))];
    expect(providerIds.length).toBeGreaterThanOrEqual(3);
    for (const providerId of providerIds) {
      const matched = await expectFilter({ provider_id: providerId }, (r) => providerIdOf(r) === providerId);
      expect(matched.length).toBeGreaterThan(1);
    }
  });

  it.each(['twilio', 'cartesia'] as const)('type=%s returns exactly that provider type', async (type) => {
    const matched = await expectFilter({ type }, (r) => r.provider.type === type);
    expect(matched.length).toBeGreaterThan(0);
  });

  it.each([
    ['lowercase, non-ASCII label', 'zürich'],
    ['uppercase, non-ASCII label', 'ZÜRICH'],
    ['decomposed (NFD) input', 'Zu\u0308rich'],
    ['CJK label', '東京'],
    ['emoji label', 'café ☕'],
    ['HTML-like label', '<B>SALES</b> & "vip"'],
    ['agent name', 'survey CALLER'],
    ['non-ASCII agent name', 'RÉSERVATIONS'],
    ['number fragment', '+353'],
  ])('q matches case-insensitively on number, label and agent name (%s)', async (_, q) => {
    const matched = await expectFilter({ q }, (r) => matchesQ(r, q));
    expect(matched.length).toBeGreaterThan(0);
  });

  it('q with no match returns an empty page', async () => {
    expect(await listPage({ q: 'definitely-not-present' })).toEqual({ data: [], has_more: false });
  });

  it('combines filters with AND', async () => {
    const sample = upstream.records.find((r) => r.agent && r.provider.type === 'twilio');
    if (!sample?.agent) throw new Error('no assigned twilio record');
    const agentId = sample.agent.id;
    const matched = await expectFilter(
      { type: 'twilio', agent_id: agentId, q: '+' },
      (r) => r.provider.type === 'twilio' && r.agent?.id === agentId,
    );
    expect(matched).toContain(sample.id);
  });
});

describe('request validation', () => {
  it.each(['abc', '0', '101', '1.5', '-1', '', '1e1', '05', ' 5'])('rejects limit=%j with 400', async (limit) => {
    await expectError(listPath({ limit }), {}, 400, /limit/);
  });

  it.each([1, 100])('accepts limit=%i', async (limit) => {
    expect((await listPage({ limit })).data).toHaveLength(limit);
  });

  it.each(['sip', 'TWILIO', ''])('rejects type=%j with 400', async (type) => {
    await expectError(listPath({ type }), {}, 400, /type.*twilio, cartesia/);
  });

  it('rejects starting_after and ending_before together', async () => {
    const [a, b] = upstream.records;
    if (!a || !b) throw new Error('data set too small');
    await expectError(listPath({ starting_after: a.id, ending_before: b.id }), {}, 400, /together/);
  });

  it.each(['starting_after', 'ending_before'])('rejects %s with an id not in the data set', async (cursor) => {
    await expectError(listPath({ [cursor]: 'pn_unknown' }), {}, 400, /existing phone number/);
  });

  it('rejects unknown query parameters', async () => {
    await expectError(listPath({ page: 2 }), {}, 400, /Unknown query parameter "page"/);
    await expectError(listPath({ __proto__x: 1, constructor: 'x' }), {}, 400, /Unknown query parameter/);
  });

  it.each([
    ['a missing', undefined],
    ['an empty', ''],
    ['an unsupported', '2025-01-01'],
  ])('rejects %s Cartesia-Version header with 400', async (_, version) => {
    const headers: Record<string, string> = { authorization: `Bearer ${API_KEY}` };
    if (version !== undefined) headers['cartesia-version'] = version;
    await expectError(LIST, { headers }, 400, /cartesia-version/i);
  });
});

describe('validation derived from the OpenAPI file', () => {
  const listParameters = (): { name: string; in: string }[] => {
    const document = loadOpenApiDocument('omit') as {
      paths: Record<string, { get: { parameters: { name?: string; in?: string }[] } }>;
    };
    return (document.paths[LIST]?.get.parameters ?? []).flatMap((p) =>
      p.name && p.in ? [{ name: p.name, in: p.in }] : [],
    );
  };

  it('accepts each query parameter the file declares for List', async () => {
    const sample = upstream.records[3];
    if (!sample) throw new Error('data set too small');
    const valid: Record<string, string> = {
      type: 'twilio',
      limit: '2',
      starting_after: sample.id,
      ending_before: sample.id,
    };
    const declared = listParameters().filter((p) => p.in === 'query');
    expect(declared.length).toBeGreaterThanOrEqual(7);
    for (const { name } of declared) expect((await call(listPath({ [name]: valid[name] ?? 'x' }))).status).toBe(200);
  });

  it('answers 400 for a parameter the file does not declare, naming it', async () => {
    await expectError(listPath({ agent: 'agent_x' }), {}, 400, /^Unknown query parameter "agent"\.$/);
    await expectError(listPath({ Limit: 5 }), {}, 400, /^Unknown query parameter "Limit"\.$/);
  });

  it('answers 400 for a body-less GET with a bad limit, before touching the data', async () => {
    await expectError(listPath({ limit: 'ten' }), {}, 400, /"limit" must be integer/);
    await expectError(listPath({ limit: 1000 }), {}, 400, /"limit" must be <= 100/);
  });

  it('checks the Cartesia-Version header the file declares on every operation, Get included', async () => {
    const first = upstream.records[0];
    if (!first) throw new Error('empty data set');
    const headers = { authorization: `Bearer ${API_KEY}`, 'cartesia-version': '2026-03-02' };
    await expectError(`${LIST}/${first.id}`, { headers }, 400, /cartesia-version.*2026-03-01/);
  });
});

describe('authentication', () => {
  it.each([
    ['no Authorization header', undefined],
    ['a wrong key', 'Bearer sk_car_wrong_key_SECRET'],
    ['a lowercase scheme', `bearer ${API_KEY}`],
    ['a different scheme', `Token ${API_KEY}`],
    ['trailing garbage', `Bearer ${API_KEY}x`],
    ['a key prefix', `Bearer ${API_KEY.slice(0, -1)}`],
  ])('answers 401 for %s, without echoing the key', async (_, authorization) => {
    const headers: Record<string, string> = { 'cartesia-version': CARTESIA_VERSION };
    if (authorization !== undefined) headers.authorization = authorization;
    const answer = await expectError(LIST, { headers }, 401, UNAUTHORIZED);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer');
    expect(answer.text).not.toContain('SECRET');
    expect(answer.text).not.toContain(API_KEY);
  });

  it('checks auth before the version header and the route', async () => {
    await expectError(LIST, { headers: {} }, 401, UNAUTHORIZED);
    await expectError('/nope', { headers: {} }, 401, UNAUTHORIZED);
  });
});

describe('routing and odd input', () => {
  it.each(['/', '/agents/', `${LIST}/`, `${LIST}/a/b`, '/Agents/Phone-Numbers', `${LIST}.json`])(
    'answers 404 for unknown path %s',
    async (path) => {
      await expectError(path, {}, 404, NOT_FOUND);
    },
  );

  it.each([
    ['PUT', LIST, 'GET, POST'],
    ['PUT', `${LIST}/pn_x`, 'GET, PATCH, DELETE'],
    ['DELETE', LIST, 'GET, POST'],
    ['PATCH', LIST, 'GET, POST'],
    ['DELETE', '/agents', 'GET'],
  ])('answers 405 for %s %s, allowing %s', async (method, path, allow) => {
    const answer = await expectError(
      path,
      { method, body: method === 'DELETE' ? null : '{"number":"+1"}' },
      405,
      new RegExp(`"${method}" is not allowed here; use ${allow}\\.`),
    );
    expect(answer.headers.get('allow')).toBe(allow);
  });

  it('answers HEAD with 405 and no body, and keeps serving', async () => {
    const head = await rawRequest('HEAD', LIST);
    expect(head.status).toBe(405);
    expect(head.text).toBe('');
    expect((await listPage({ limit: 1 })).data).toHaveLength(1);
  });

  it('drains a large body sent with a method not allowed, without breaking the connection', async () => {
    const answer = await rawRequest(
      'PUT',
      LIST,
      { ...goodHeaders(), 'content-type': 'application/json' },
      'x'.repeat(256 * 1024),
    );
    expect(answer.status).toBe(405);
  });

  it('treats a leading double slash as a path, not an authority', async () => {
    expect((await rawRequest('GET', `/${LIST}`)).status).toBe(404);
  });

  it('accepts absolute-form request targets (HTTP/1.1 requires it)', async () => {
    const answer = await rawRequest('GET', `http://api.example.test${LIST}?limit=2`);
    expect(answer.status).toBe(200);
    expect(ids(JSON.parse(answer.text).data)).toEqual(ids(upstream.records.slice(0, 2)));
  });

  it('tolerates malformed percent-encoding in the query', async () => {
    const answer = await rawRequest('GET', `${LIST}?q=%ZZ%E0%A4`);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ data: [], has_more: false });
  });

  it('handles huge parameters: long values are searched, oversized headers get 431, server survives', async () => {
    expect(await listPage({ q: 'x'.repeat(8000) })).toEqual({ data: [], has_more: false });
    const tooBig = await call(listPath({ q: 'y'.repeat(20_000) }));
    expect(tooBig.status).toBe(431);
    expect((await listPage({ limit: 3 })).data).toHaveLength(3);
  });

  it('sends content-type application/json with a content-length on every reply', async () => {
    const answers = [await call(LIST), await call('/nope'), await call(LIST, { headers: {} })];
    for (const answer of answers) {
      expect(answer.headers.get('content-type')).toBe('application/json');
      expect(Number(answer.headers.get('content-length'))).toBe(Buffer.byteLength(answer.text));
    }
  });
});

describe('faults', () => {
  it('status 503 with times: 1 fails once, then the upstream recovers', async () => {
    upstream.faults.inject({ fault: { kind: 'status', status: 503 }, times: 1 });
    const failed = await call(LIST);
    expect(failed.status).toBe(503);
    expect(JSON.parse(failed.text)).toEqual({ error: 'Injected fault: HTTP 503 Service Unavailable' });
    expect(upstream.faults.pending).toBe(0);
    expect((await call(LIST)).status).toBe(200);
  });

  it('status 429 carries its retry-after header and custom body', async () => {
    upstream.faults.inject({
      fault: { kind: 'status', status: 429, headers: { 'retry-after': '7' }, body: { error: 'rate_limited' } },
      times: 2,
    });
    for (let i = 0; i < 2; i += 1) {
      const answer = await call(LIST);
      expect(answer.status).toBe(429);
      expect(answer.headers.get('retry-after')).toBe('7');
      expect(JSON.parse(answer.text)).toEqual({ error: 'rate_limited' });
    }
    expect((await call(LIST)).status).toBe(200);
  });

  it('applies before auth, and faulted requests are still recorded', async () => {
    upstream.clearRequests();
    upstream.faults.inject({ fault: { kind: 'status', status: 500 }, times: 1 });
    expect((await call(LIST, { headers: {} })).status).toBe(500);
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0]?.path).toBe(LIST);
  });

  it('matches rules by path prefix', async () => {
    upstream.faults.inject({ fault: { kind: 'status', status: 502 }, path: `${LIST}/` });
    const first = upstream.records[0];
    if (!first) throw new Error('empty data set');
    expect((await call(LIST)).status).toBe(200);
    expect((await call(`${LIST}/${first.id}`)).status).toBe(502);
    expect((await call(`${LIST}/${first.id}`)).status).toBe(502); // unlimited by default
  });

  it('malformed: 200 JSON content-type, but the body does not parse', async () => {
    upstream.faults.inject({ fault: { kind: 'malformed' }, times: 1 });
    const answer = await call(LIST);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(() => JSON.parse(answer.text)).toThrow(SyntaxError);
  });

  it('drift: valid JSON that the contract validator rejects, for list and get', async () => {
    const first = upstream.records[0];
    if (!first) throw new Error('empty data set');
    upstream.faults.inject({ fault: { kind: 'drift' }, times: 2 });
    const list = await call(LIST);
    const item = await call(`${LIST}/${first.id}`);
    for (const answer of [list, item]) expect(answer.status).toBe(200);
    const listBody: unknown = JSON.parse(list.text);
    const itemBody: unknown = JSON.parse(item.text);
    expect(contract.isPhoneNumberListPage(listBody)).toBe(false);
    expect(contract.isPhoneNumber(itemBody)).toBe(false);
    expect(itemBody).not.toHaveProperty('number');
  });

  it('delay: holds the answer back while later requests are answered, then answers normally', async () => {
    upstream.clearRequests();
    upstream.faults.inject({ fault: { kind: 'delay', ms: 800 }, times: 1 });
    const delayed = call(listPath({ limit: 2 }));
    const tracked = track(delayed);
    await pollUntil(() => upstream.requests.length === 1, 'the delayed request to arrive');
    expect((await call(listPath({ limit: 1 }))).status).toBe(200);
    expect(tracked.settled()).toBeUndefined();
    const answer = await delayed;
    expect(answer.status).toBe(200);
    expectValid(contract.isPhoneNumberListPage, JSON.parse(answer.text));
    expect(ids(JSON.parse(answer.text).data)).toEqual(ids(upstream.records.slice(0, 2)));
  });

  it('reset: the client sees a network error, and the next request succeeds', async () => {
    upstream.faults.inject({ fault: { kind: 'reset' } });
    await expect(fetch(`${upstream.url}${LIST}`, { headers: goodHeaders() })).rejects.toThrow();
    upstream.faults.clear();
    expect((await call(LIST)).status).toBe(200);
  });

  it('rejects nonsensical rules', () => {
    expect(() => upstream.faults.inject({ fault: { kind: 'status', status: 42 } })).toThrow(RangeError);
    expect(() => upstream.faults.inject({ fault: { kind: 'delay', ms: -1 } })).toThrow(RangeError);
    expect(() => upstream.faults.inject({ fault: { kind: 'hang' }, times: 0 })).toThrow(RangeError);
    expect(upstream.faults.pending).toBe(0);
  });
});

describe('hang and close', () => {
  it('hang is ended by the client AbortSignal', async () => {
    const local = await startDemoUpstream({ apiKey: API_KEY, records: upstream.records.slice(0, 3) });
    try {
      local.faults.inject({ fault: { kind: 'hang' } });
      const controller = new AbortController();
      const aborted = fetch(`${local.url}${LIST}`, { headers: goodHeaders(), signal: controller.signal });
      await pollUntil(() => local.requests.length === 1, 'the hanging request to arrive');
      controller.abort();
      await expect(aborted).rejects.toThrow(/abort/i);
    } finally {
      await local.close();
    }
  });

  it('a hanging request stays pending while others are answered, and close() destroys it', async () => {
    const local = await startDemoUpstream({ apiKey: API_KEY, records: upstream.records.slice(0, 3) });
    try {
      local.faults.inject({ fault: { kind: 'hang' }, times: 1 });
      const hanging = track(call(LIST, {}, local));
      await pollUntil(() => local.requests.length === 1, 'the hanging request to arrive');
      expect((await call(LIST, {}, local)).status).toBe(200);
      expect(hanging.settled()).toBeUndefined();
      await local.close();
      expect(await hanging.outcome).toBe('failed');
    } finally {
      await local.close();
    }
  });
});

describe('request recording', () => {
  it('records method, pathname, decoded query and headers, in order', async () => {
    await call(LIST);
    expect(upstream.requests.length).toBeGreaterThan(0);
    upstream.clearRequests();
    expect(upstream.requests).toHaveLength(0);
    await call(`${LIST}?limit=3&q=caf%C3%A9&q=Z%C3%BCrich`, { headers: { ...goodHeaders(), 'x-trace': 'abc' } });
    await call('/nope', { method: 'DELETE' });
    expect(upstream.requests).toHaveLength(2);
    const [list, other] = upstream.requests;
    expect(list).toEqual({
      method: 'GET',
      path: LIST,
      query: { limit: '3', q: 'Zürich' },
      headers: expect.objectContaining({ 'x-trace': 'abc', 'cartesia-version': CARTESIA_VERSION }),
    });
    expect(list?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(other).toMatchObject({ method: 'DELETE', path: '/nope', query: {} });
  });
});

describe('request log', () => {
  it('keeps only the latest requestLogSize requests, in arrival order, while counting all', async () => {
    const local = await startDemoUpstream({ apiKey: API_KEY, records: [], requestLogSize: 3 });
    try {
      for (let n = 1; n <= 5; n += 1) await call(`${LIST}?q=${n}`, {}, local);
      expect(local.requests.map((r) => r.query.q)).toEqual(['3', '4', '5']);
      expect(local.requestCount).toBe(5);
      local.clearRequests();
      expect(local.requests).toEqual([]);
      expect(local.requestCount).toBe(5);
    } finally {
      await local.close();
    }
  });

  it('refuses a requestLogSize that is not a positive integer', async () => {
    await expect(startDemoUpstream({ apiKey: API_KEY, requestLogSize: 0 })).rejects.toThrow(RangeError);
  });
});

describe('options', () => {
  const sample = minimalRecord;

  it('serves custom records in list order, ties broken by id (descending)', async () => {
    const records = [
      sample('pn_a', '2025-01-01T00:00:00Z'),
      sample('pn_c', '2025-06-01T00:00:00Z'),
      sample('pn_b', '2025-01-01T00:00:00Z'),
    ];
    const local = await startDemoUpstream({ apiKey: API_KEY, records });
    try {
      expect(ids(local.records)).toEqual(['pn_c', 'pn_b', 'pn_a']);
      const answer = await call(listPath({ limit: 2 }), {}, local);
      expect(ids(JSON.parse(answer.text).data)).toEqual(['pn_c', 'pn_b']);
      expect(ids(records)).toEqual(['pn_a', 'pn_c', 'pn_b']); // the caller's array is untouched
    } finally {
      await local.close();
    }
  });

  it('refuses records that break the contract or repeat an id', async () => {
    const broken = {
      ...sample('pn_x', '2025-01-01T00:00:00Z'),
      provider: { type: 'sip' },
    } as unknown as PhoneNumberRecord;
    await expect(startDemoUpstream({ apiKey: API_KEY, records: [broken] })).rejects.toThrow(/contract/);
    const twice = sample('pn_y', '2025-01-01T00:00:00Z');
    await expect(startDemoUpstream({ apiKey: API_KEY, records: [twice, twice] })).rejects.toThrow(/repeats id/);
    await expect(startDemoUpstream({ apiKey: '' })).rejects.toThrow(TypeError);
  });

  it('latencyMs holds back every response, errors included, until it has passed', async () => {
    const local = await startDemoUpstream({ apiKey: API_KEY, records: [], latencyMs: 60_000 });
    try {
      const pending = [track(call(LIST, {}, local)), track(call('/nope', {}, local))];
      await pollUntil(() => local.requests.length === 2, 'both requests to arrive');
      // The same requests to a server without latency are answered meanwhile.
      expect((await call(LIST)).status).toBe(200);
      expect((await call('/nope')).status).toBe(404);
      expect(pending.map((request) => request.settled())).toEqual([undefined, undefined]);
      await local.close();
      expect(await Promise.all(pending.map((request) => request.outcome))).toEqual(['failed', 'failed']);
    } finally {
      await local.close();
    }
  });

  it('latencyMs still answers normally', async () => {
    const local = await startDemoUpstream({ apiKey: API_KEY, records: [], latencyMs: 40 });
    try {
      const answer = await call(LIST, {}, local);
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text)).toEqual({ data: [], has_more: false });
    } finally {
      await local.close();
    }
  });
});
