import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { registerTracing, type Tracing } from '../../src/observability/tracing';
import { postGraphQL, startTestStack, type TestStack } from '../helpers/gateway';

// The tracing SDK registered with an in-memory exporter, exporting each span
// as it ends: after an answer arrives, its whole span tree is there.

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const CLIENT_SPAN_ID = 'b7ad6b7169203331';
const traceparent = (spanId: string) => `00-${TRACE_ID}-${spanId}-01`;

const exporter = new InMemorySpanExporter();
let tracing: Tracing;
let stack: TestStack;
beforeAll(async () => {
  tracing = await registerTracing(exporter, { batch: false });
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.close();
  await tracing.shutdown();
});
beforeEach(() => {
  exporter.reset();
  stack.upstream.clearRequests();
});

const childrenOf = (spans: ReadableSpan[], parent: ReadableSpan) =>
  spans.filter((span) => span.parentSpanContext?.spanId === parent.spanContext().spanId);

describe('tracing', () => {
  it('builds one tree per query: caller -> operation -> one span per upstream call, traceparent sent upstream', async () => {
    const [listed] = stack.upstream.records;
    const query = `query Traced { phoneNumbers(first: 2) { nodes { id } } missing: phoneNumber(id: "pn_trace_missing") { id } }`;
    const response = await postGraphQL(stack.url, query, undefined, { traceparent: traceparent(CLIENT_SPAN_ID) });
    expect(response.body.errors).toBeUndefined();
    expect(listed).toBeDefined();

    const spans = exporter.getFinishedSpans();
    const operation = spans.find((span) => span.name === 'query Traced')!;
    expect(operation).toMatchObject({ kind: SpanKind.SERVER, status: { code: SpanStatusCode.UNSET } });
    expect(operation.spanContext().traceId).toBe(TRACE_ID);
    expect(operation.parentSpanContext?.spanId).toBe(CLIENT_SPAN_ID);
    expect(operation.attributes).toMatchObject({
      'graphql.operation.name': 'Traced',
      'graphql.operation.type': 'query',
      'gateway.request_id': response.headers.get('x-request-id'),
    });

    const calls = childrenOf(spans, operation);
    expect(calls.map((span) => span.name).sort()).toEqual(['GET /agents/phone-numbers', 'GET /agents/phone-numbers/{id}']);
    expect(spans).toHaveLength(3);
    for (const call of calls) {
      expect(call.kind).toBe(SpanKind.CLIENT);
      expect(call.spanContext().traceId).toBe(TRACE_ID);
    }
    const lookup = calls.find((span) => span.name.endsWith('{id}'))!;
    expect(lookup.attributes).toMatchObject({ 'http.response.status_code': 404, 'http.request.resend_count': 0 });

    // Each upstream request names its own call span as the parent.
    const sent = stack.upstream.requests.map((request) => request.headers.traceparent).sort();
    expect(sent).toEqual(calls.map((call) => traceparent(call.spanContext().spanId)).sort());
  });

  it('marks failed upstream calls and the operation as errors', async () => {
    stack.upstream.faults.inject({ fault: { kind: 'status', status: 503 } });
    try {
      await postGraphQL(stack.url, 'query Failing { phoneNumbers(first: 1) { nodes { id } } }');
    } finally {
      stack.upstream.faults.clear();
    }
    const spans = exporter.getFinishedSpans();
    const operation = spans.find((span) => span.name === 'query Failing')!;
    expect(operation.status).toEqual({ code: SpanStatusCode.ERROR, message: 'UPSTREAM_ERROR' });
    const [call, ...retries] = childrenOf(spans, operation);
    for (const attempt of [call!, ...retries]) {
      expect(attempt.status).toEqual({ code: SpanStatusCode.ERROR, message: '503' });
      expect(attempt.attributes['error.type']).toBe('503');
    }
  });

  it('starts a new trace when the caller sends no (or a malformed) traceparent', async () => {
    await postGraphQL(stack.url, 'query Untraced { phoneNumbers(first: 1) { nodes { id } } }', undefined, {
      traceparent: 'not-a-traceparent',
    });
    const spans = exporter.getFinishedSpans();
    const operation = spans.find((span) => span.name === 'query Untraced')!;
    expect(operation.parentSpanContext).toBeUndefined();
    expect(operation.spanContext().traceId).not.toBe(TRACE_ID);
    const [call] = childrenOf(spans, operation);
    expect(stack.upstream.requests[0]!.headers.traceparent).toBe(
      `00-${operation.spanContext().traceId}-${call!.spanContext().spanId}-01`,
    );
  });
});
