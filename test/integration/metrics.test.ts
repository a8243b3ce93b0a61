import { postGraphQL, startTestStack, type TestStack } from '../helpers/gateway';
import { scrape } from '../helpers/metrics';

// /metrics as Prometheus scrapes it, after real traffic through the gateway
// to the test upstream. Each test names its own operations and reads deltas,
// so the tests do not depend on each other's traffic.

const LIST_ENDPOINT = 'GET /agents/phone-numbers';
const GET_ENDPOINT = 'GET /agents/phone-numbers/{id}';

describe('/metrics on the main port', () => {
  let stack: TestStack;
  let metricsUrl: string;
  beforeAll(async () => {
    stack = await startTestStack();
    metricsUrl = stack.gateway.metricsUrl!;
  });
  afterAll(() => stack.close());

  // Every call fails while `run` runs, retries included: each test's counts hold with or without retries.
  async function whileUpstreamAnswers(status: number, run: () => Promise<unknown>) {
    stack.upstream.faults.inject({ fault: { kind: 'status', status } });
    try {
      await run();
    } finally {
      stack.upstream.faults.clear();
    }
  }

  it('is served where the gateway says', () => {
    expect(metricsUrl).toBe(`${stack.url}/metrics`);
  });

  it('counts HTTP requests by route template and status, with a duration histogram', async () => {
    const route = { method: 'POST', route: '/graphql', status_code: '200' };
    const before = await scrape(metricsUrl);
    await stack.data('query HttpCount { phoneNumbers(first: 1) { nodes { id } } }');
    await fetch(`${stack.url}/no/such/path/${Date.now()}`);
    const after = await scrape(metricsUrl);
    expect(
      after.value('gateway_http_requests_total', route)! - (before.value('gateway_http_requests_total', route) ?? 0),
    ).toBe(1);
    expect(after.value('gateway_http_request_duration_seconds_count', route)).toBe(
      after.value('gateway_http_requests_total', route),
    );
    // 404s share one label value instead of one series per scanned path.
    expect(
      after.value('gateway_http_requests_total', { route: 'unmatched', status_code: '404' }),
    ).toBeGreaterThanOrEqual(1);
    expect(after.text).not.toContain('/no/such/path');
  });

  it('counts GraphQL operations by name, type and outcome, and errors by code', async () => {
    await stack.data('query OpsSuccess { phoneNumbers(first: 1) { nodes { id } } }');
    await whileUpstreamAnswers(503, () =>
      postGraphQL(stack.url, 'query OpsFailure { phoneNumbers(first: 1) { nodes { id } } }'),
    );
    await postGraphQL(stack.url, '{ nope');
    const metrics = await scrape(metricsUrl);
    const ops = (labels: Record<string, string>) => metrics.value('gateway_graphql_operations_total', labels);
    expect(ops({ operation_name: 'OpsSuccess', operation_type: 'query', outcome: 'success' })).toBe(1);
    expect(ops({ operation_name: 'OpsFailure', operation_type: 'query', outcome: 'error' })).toBe(1);
    expect(ops({ operation_name: 'invalid', operation_type: 'unknown', outcome: 'error' })).toBeGreaterThanOrEqual(1);
    expect(metrics.value('gateway_graphql_operation_duration_seconds_count', { operation_name: 'OpsSuccess' })).toBe(1);
    expect(metrics.value('gateway_graphql_errors_total', { code: 'UPSTREAM_ERROR' })).toBeGreaterThanOrEqual(1);
    expect(metrics.value('gateway_graphql_errors_total', { code: 'GRAPHQL_PARSE_FAILED' })).toBeGreaterThanOrEqual(1);
  });

  it('counts upstream calls by endpoint, status and attempt, with a latency histogram', async () => {
    const ok = { endpoint: LIST_ENDPOINT, status: '200', attempt: '1' };
    const failed = { endpoint: LIST_ENDPOINT, status: '502', attempt: '1' };
    const notFound = { endpoint: GET_ENDPOINT, status: '404', attempt: '1' };
    const before = await scrape(metricsUrl);
    await stack.data('query UpstreamOk { phoneNumbers(first: 1) { nodes { id } } }');
    await whileUpstreamAnswers(502, () =>
      postGraphQL(stack.url, 'query UpstreamFailed { phoneNumbers(first: 1) { nodes { id } } }'),
    );
    await stack.data('query UpstreamMissing { phoneNumber(id: "pn_metrics_missing") { id } }');
    const after = await scrape(metricsUrl);
    const delta = (name: string, labels: Record<string, string>) =>
      after.value(name, labels)! - (before.value(name, labels) ?? 0);
    expect(delta('gateway_upstream_requests_total', ok)).toBe(1);
    expect(delta('gateway_upstream_requests_total', failed)).toBe(1);
    expect(delta('gateway_upstream_requests_total', notFound)).toBe(1);
    const { attempt: _attempt, ...latencyLabels } = ok;
    expect(delta('gateway_upstream_request_duration_seconds_count', latencyLabels)).toBe(1);
  });

  it('counts loader cache hits: an id asked twice, and an id the list already returned', async () => {
    const [first] = stack.upstream.records;
    const hits = (cache: string, metrics: Awaited<ReturnType<typeof scrape>>) =>
      metrics.value('gateway_cache_lookups_total', { cache, result: 'hit' }) ?? 0;
    const before = await scrape(metricsUrl);
    await stack.data(
      `query Twice { a: phoneNumber(id: "${first!.id}") { id } b: phoneNumber(id: "${first!.id}") { id } }`,
    );
    await stack.data(`query Listed { phoneNumbers(first: 1) { nodes { id } } phoneNumber(id: "${first!.id}") { id } }`);
    const after = await scrape(metricsUrl);
    expect(hits('loader_by_id', after) - hits('loader_by_id', before)).toBe(1);
    expect(hits('listed_record', after) - hits('listed_record', before)).toBe(1);
  });

  it('exports process metrics, and no Redis gauge without REDIS_URL', async () => {
    const metrics = await scrape(metricsUrl);
    expect(metrics.value('process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(metrics.value('nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(metrics.value('gateway_redis_up')).toBeUndefined();
  });
});

describe('/metrics on METRICS_PORT', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { METRICS_PORT: '0' } });
  });
  afterAll(() => stack.close());

  it('is served only on its own port, which serves nothing else', async () => {
    const metricsUrl = stack.gateway.metricsUrl!;
    expect(new URL(metricsUrl).port).not.toBe(new URL(stack.url).port);
    await stack.data('query SeparatePort { phoneNumbers(first: 1) { nodes { id } } }');
    const metrics = await scrape(metricsUrl);
    expect(metrics.value('gateway_graphql_operations_total', { operation_name: 'SeparatePort' })).toBe(1);
    expect((await fetch(`${stack.url}/metrics`)).status).toBe(404);
    expect((await fetch(metricsUrl.replace(/\/metrics$/, '/graphql'))).status).toBe(404);
  });
});
