import { postGraphQL, startTestStack, type TestStack } from '../helpers/gateway';

// Tracing off (no OTEL_* exporter configured, no SDK registered): the
// gateway creates no trace of its own, but a caller's trace context still
// reaches Cartesia, so the caller's trace stays connected.

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.upstream.clearRequests());

const LIST = '{ phoneNumbers(first: 1) { nodes { id } } }';

describe('trace context with tracing off', () => {
  it("passes the caller's traceparent and tracestate upstream unchanged", async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    await postGraphQL(stack.url, LIST, undefined, { traceparent, tracestate: 'vendor=abc' });
    expect(stack.upstream.requests[0]!.headers).toMatchObject({ traceparent, tracestate: 'vendor=abc' });
  });

  it('sends no traceparent when the caller sent none', async () => {
    await postGraphQL(stack.url, LIST);
    expect(stack.upstream.requests[0]!.headers.traceparent).toBeUndefined();
  });
});
