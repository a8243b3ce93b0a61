import { getGraphQL, postGraphQL, startTestStack, type TestStack } from '../helpers/gateway';
import { PHONE_NUMBER, PHONE_NUMBERS } from '../helpers/queries';

// The gateway writes, so no cache may keep a GET answer without asking again
// (it would hide the user's own change): cacheable GETs are `private,
// no-cache` with an ETag, so an unchanged one revalidates as a 304. POSTs and
// failures are never stored.

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.upstream.faults.clear());

const cacheControl = (response: { headers: Headers }) => response.headers.get('cache-control');

describe('Cache-Control', () => {
  it('lets only the browser keep a GET answer, revalidating it every time', async () => {
    const response = await getGraphQL(stack.url, { query: PHONE_NUMBERS, variables: { first: 5 } });
    expect(response.body.errors).toBeUndefined();
    expect(cacheControl(response)).toBe('private, no-cache');
    // The content type follows Accept and the answer the caller: caches must key on both.
    expect(response.headers.get('vary')).toMatch(/\baccept\b/i);
    expect(response.headers.get('vary')).toMatch(/\bauthorization\b/i);
  });

  it('answers an unchanged GET with 304 to its ETag, and a changed one in full', async () => {
    const id = stack.upstream.records[0]!.id;
    const url = `${stack.url}/graphql?${new URLSearchParams({ query: PHONE_NUMBER, variables: JSON.stringify({ id }) })}`;
    const headers = { 'apollo-require-preflight': 'true' };
    const first = await fetch(url, { headers });
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const again = await fetch(url, { headers: { ...headers, 'if-none-match': etag } });
    expect(again.status).toBe(304);
    await postGraphQL(stack.url, `mutation($id: ID!) { updatePhoneNumber(input: { id: $id, label: "Changed" }) { userErrors { code } } }`, { id });
    const changed = await fetch(url, { headers: { ...headers, 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain('Changed');
  });

  it('marks every POST response no-store, even for cacheable data', async () => {
    const response = await postGraphQL(stack.url, PHONE_NUMBERS, { first: 5 });
    expect(response.body.errors).toBeUndefined();
    expect(cacheControl(response)).toBe('no-store');
  });

  it('never lets a failed GET be cached', async () => {
    // 500: not retried, so the GET really fails.
    stack.upstream.faults.inject({ fault: { kind: 'status', status: 500 }, times: 1 });
    const failed = await getGraphQL(stack.url, { query: PHONE_NUMBERS, variables: { first: 5 } });
    expect(failed.body.errors![0]!.extensions!.code).toBe('UPSTREAM_ERROR');
    expect(cacheControl(failed)).toBe('no-store');
    const invalid = await getGraphQL(stack.url, { query: '{ phoneNumbers { nope } }' });
    expect(invalid.status).toBe(400);
    expect(cacheControl(invalid)).toBe('no-store');
  });
});
