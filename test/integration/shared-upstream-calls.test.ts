import { startTestStack, type TestStack } from '../helpers/gateway';
import { scrape } from '../helpers/metrics';
import { PHONE_NUMBERS, type PhoneNumbersData } from '../helpers/queries';

// Through the whole gateway: separate client requests share upstream calls
// (coalescing always; the payload cache when CACHE_TTL_MS is set). The
// Cache-Control header comes from the schema's @cacheControl hints
// (test/integration/cache-control.test.ts), not from the payload cache.

const FIRST_PAGE = '{ phoneNumbers(first: 10) { nodes { id number } } }';

describe('without a payload cache (the default)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.clearRequests());
  afterEach(() => stack.upstream.faults.clear());

  it('20 clients asking for the same page at once cost one upstream call', async () => {
    // The upstream holds the first call for a second: every client request arrives while it is in flight.
    stack.upstream.faults.inject({ fault: { kind: 'delay', ms: 1_000 }, times: 1 });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => stack.data<PhoneNumbersData>(PHONE_NUMBERS, { first: 10 })),
    );
    expect(stack.upstream.requests).toHaveLength(1);
    const ids = stack.upstream.records.slice(0, 10).map((r) => r.id);
    for (const answer of answers) expect(answer.phoneNumbers.nodes.map((n) => n.id)).toEqual(ids);
    const metrics = await scrape(stack.gateway.metricsUrl!);
    expect(metrics.value('gateway_cache_lookups_total', { cache: 'coalesced', result: 'hit' })).toBe(19);
  });

  it('asks the upstream again for each later request, and says no-store', async () => {
    await stack.data(FIRST_PAGE);
    const response = await stack.query(FIRST_PAGE);
    expect(stack.upstream.requests).toHaveLength(2);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('with CACHE_TTL_MS', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { CACHE_TTL_MS: '60000' } });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.clearRequests());
  afterEach(() => stack.upstream.faults.clear());

  it('serves a repeated page from the cache', async () => {
    const first = await stack.query(FIRST_PAGE);
    const second = await stack.query(FIRST_PAGE);
    expect(second.body).toEqual(first.body);
    expect(stack.upstream.requests).toHaveLength(1);
  });

  it('marks an answer with errors no-store, and does not cache the failure', async () => {
    // Three 503s: the first attempt and both retries (UPSTREAM_RETRIES=2) fail.
    stack.upstream.faults.inject({ fault: { kind: 'status', status: 503 }, times: 3, path: '/agents/phone-numbers' });
    const failed = await stack.query('{ phoneNumbers(first: 3) { nodes { id } } }');
    expect(failed.body.errors![0]!.extensions!.code).toBe('UPSTREAM_ERROR');
    expect(failed.headers.get('cache-control')).toBe('no-store');
    const retried = await stack.data('{ phoneNumbers(first: 3) { nodes { id } } }');
    expect(retried.phoneNumbers.nodes).toHaveLength(3);
    expect(stack.upstream.requests).toHaveLength(4);
  });
});
