import { postGraphQL, startTestStack, type TestStack } from '../helpers/gateway';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.upstream.clearRequests());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const LIST = '{ phoneNumbers(first: 1) { nodes { id } } }';

describe('request ids', () => {
  it('takes X-Request-Id from the caller, returns it and sends it upstream', async () => {
    const response = await postGraphQL(stack.url, LIST, undefined, { 'x-request-id': 'frontend-abc.123' });
    expect(response.headers.get('x-request-id')).toBe('frontend-abc.123');
    expect(stack.upstream.requests[0]!.headers['x-request-id']).toBe('frontend-abc.123');
  });

  it('generates one when absent, and replaces one that is not a plain token', async () => {
    const generated = await postGraphQL(stack.url, LIST);
    expect(generated.headers.get('x-request-id')).toMatch(UUID);
    const unsafe = await postGraphQL(stack.url, LIST, undefined, { 'x-request-id': 'a b\tc'.repeat(3) });
    expect(unsafe.headers.get('x-request-id')).toMatch(UUID);
    expect(stack.upstream.requests.map((r) => r.headers['x-request-id'])).toEqual([
      generated.headers.get('x-request-id'),
      unsafe.headers.get('x-request-id'),
    ]);
  });

  it('puts the request id into every error', async () => {
    stack.upstream.faults.inject({ fault: { kind: 'status', status: 500 }, times: 1 });
    const upstreamError = await postGraphQL(stack.url, LIST, undefined, { 'x-request-id': 'req-upstream-fail' });
    expect(upstreamError.body.errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', requestId: 'req-upstream-fail' });
    const badInput = await postGraphQL(stack.url, '{ phoneNumbers(first: 0) { nodes { id } } }');
    expect(badInput.body.errors![0]!.extensions!.requestId).toBe(badInput.headers.get('x-request-id'));
    const parse = await postGraphQL(stack.url, '{ nope');
    expect(parse.body.errors![0]!.extensions!.requestId).toBe(parse.headers.get('x-request-id'));
  });

  it('gives health probes an id too', async () => {
    const response = await fetch(`${stack.url}/healthz`, { headers: { 'x-request-id': 'probe-1' } });
    expect(response.headers.get('x-request-id')).toBe('probe-1');
  });
});
