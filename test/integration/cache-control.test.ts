import { getGraphQL, postGraphQL, startTestStack, type TestStack } from '../helpers/gateway';
import { PHONE_NUMBER, PHONE_NUMBERS } from '../helpers/queries';

// Cache hints in the SDL (@cacheControl) become the Cache-Control of GET
// responses, so a CDN or browser can keep public pages; POSTs and failures
// are never cacheable.

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.upstream.faults.clear());

const cacheControl = (response: { headers: Headers }) => response.headers.get('cache-control');

describe('Cache-Control', () => {
  it('lets anyone cache a GET list page for 30 s', async () => {
    const response = await getGraphQL(stack.url, { query: PHONE_NUMBERS, variables: { first: 5 } });
    expect(response.body.errors).toBeUndefined();
    expect(cacheControl(response)).toBe('max-age=30, public');
    // The content type follows Accept, so shared caches must key on it.
    expect(response.headers.get('vary')).toMatch(/\baccept\b/i);
  });

  it('lets anyone cache a GET lookup for 60 s, and takes the shortest hint of a mixed operation', async () => {
    const id = stack.upstream.records[0]!.id;
    const lookup = await getGraphQL(stack.url, { query: PHONE_NUMBER, variables: { id } });
    expect(lookup.body.errors).toBeUndefined();
    expect(cacheControl(lookup)).toBe('max-age=60, public');
    const mixed = await getGraphQL(stack.url, {
      query: `{ phoneNumber(id: "${id}") { id } phoneNumbers(first: 1) { nodes { id } } }`,
    });
    expect(cacheControl(mixed)).toBe('max-age=30, public');
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
