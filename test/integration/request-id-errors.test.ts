import { startTestStack, type TestStack } from '../helpers/gateway';

// Errors answered before GraphQL execution (by Fastify, or by Apollo's HTTP
// layer) quote the request id in their body too, like every GraphQL error.

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

async function send(path: string, init: RequestInit) {
  const response = await fetch(`${stack.url}${path}`, init);
  return { id: response.headers.get('x-request-id'), status: response.status, body: (await response.json()) as any };
}

const json = { 'content-type': 'application/json' };

describe('request ids in error bodies outside GraphQL execution', () => {
  it('a body that is not JSON (Fastify) and an unknown route', async () => {
    const badJson = await send('/graphql', {
      method: 'POST',
      headers: { ...json, 'x-request-id': 'bad-json-1' },
      body: '{bad',
    });
    expect(badJson.status).toBe(400);
    expect(badJson.body.errors[0].extensions).toEqual({ code: 'BAD_REQUEST', requestId: 'bad-json-1' });
    const notFound = await send('/no-such-route', {});
    expect(notFound.status).toBe(404);
    expect(notFound.body.requestId).toBe(notFound.id);
  });

  it("Apollo's HTTP-level rejections: a non-string query, a CSRF block", async () => {
    const nonString = await send('/graphql', { method: 'POST', headers: json, body: '{"query": 5}' });
    expect(nonString.status).toBe(400);
    expect(nonString.body.errors[0].extensions).toEqual({ code: 'BAD_REQUEST', requestId: nonString.id });
    const csrf = await send('/graphql?query=%7B__typename%7D', { method: 'GET' });
    expect(csrf.status).toBe(400);
    expect(csrf.body.errors[0].extensions).toEqual({ code: 'BAD_REQUEST', requestId: csrf.id });
  });
});
