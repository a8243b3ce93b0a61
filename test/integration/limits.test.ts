import { startTestStack, type GraphQLResponse, type TestStack } from '../helpers/gateway';

// Each limit refuses the operation before anything runs: its own code, the
// request id, HTTP 4xx, and no upstream call.

const LIMITS_ENV = {
  GRAPHQL_MAX_DEPTH: '4',
  GRAPHQL_MAX_ALIASES: '3',
  GRAPHQL_MAX_ROOT_FIELDS: '4',
  GRAPHQL_MAX_UPSTREAM_CALLS: '3',
  GRAPHQL_MAX_DIRECTIVES: '3',
  GRAPHQL_MAX_TOKENS: '200',
  BODY_LIMIT_BYTES: '2000',
};

function lookups(count: number, alias = 'n'): string {
  return Array.from({ length: count }, (_, i) => `${alias}${i}: phoneNumber(id: "pn_${i}") { id }`).join('\n');
}

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as unknown };
}

function expectRefused(response: GraphQLResponse, code: string, message: RegExp) {
  expect(response.status).toBe(400);
  expect(response.body.errors).toHaveLength(1);
  expect(response.body.errors![0]!.extensions).toMatchObject({ code, requestId: expect.any(String) });
  expect(response.body.errors![0]!.message).toMatch(message);
}

describe('operation limits', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: LIMITS_ENV });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.clearRequests());
  afterEach(() => expect(stack.upstream.requests).toHaveLength(0));

  it('depth: QUERY_TOO_DEEP (fragments do not count as levels)', async () => {
    const shallow = await stack.query('{ phoneNumbers(first: 1) { edges { node { ... on PhoneNumber { id } } } } }');
    expect(shallow.body.errors).toBeUndefined();
    stack.upstream.clearRequests();
    const deep = await stack.query('{ phoneNumbers { edges { node { agent { id } } } } }');
    expectRefused(deep, 'QUERY_TOO_DEEP', /depth limit of 4 exceeded, found 5/);
  });

  it('aliases: TOO_MANY_ALIASES', async () => {
    const query = '{ phoneNumbers { nodes { a: id b: id c: id d: id } } }';
    expectRefused(await stack.query(query), 'TOO_MANY_ALIASES', /Aliases limit of 3 exceeded, found 4/);
  });

  it('root fields: TOO_MANY_ROOT_FIELDS, counted through fragments', async () => {
    const query = `{ ...Many } fragment Many on Query { phoneNumbers { nodes { id } } a: node(id: "x") { id } b: node(id: "y") { id } ... on Query { c: node(id: "z") { id } node(id: "w") { id } } }`;
    const response = await stack.query(query);
    expect(response.status).toBe(400);
    const codes = response.body.errors!.map((e) => e.extensions!.code);
    expect(codes).toEqual(['TOO_MANY_ROOT_FIELDS', 'UPSTREAM_BUDGET_EXCEEDED']);
    expect(response.body.errors![0]!.message).toMatch(/selects 5 root fields; at most 4/);
  });

  it('upstream budget: UPSTREAM_BUDGET_EXCEEDED before any call is made', async () => {
    const query = `{ phoneNumbers { nodes { id } } ${lookups(3)} }`;
    expectRefused(await stack.query(query), 'UPSTREAM_BUDGET_EXCEEDED', /needs up to 4 Cartesia calls; at most 3/);
  });

  it('introspection fields cost nothing and are not root fields that count', async () => {
    const response = await stack.query('{ __typename a: __typename b: __typename c: __typename }');
    expect(response.status).toBe(200);
  });

  it('directives: TOO_MANY_DIRECTIVES', async () => {
    const query = `{ a: __typename @include(if: true) b: __typename @include(if: true) c: __typename @include(if: true) d: __typename @skip(if: false) }`;
    expectRefused(await stack.query(query), 'TOO_MANY_DIRECTIVES', /Directives limit of 3 exceeded, found 4/);
  });

  it('tokens: refused by the parser', async () => {
    const response = await stack.query(`{ ${Array.from({ length: 250 }, () => 'a').join(' ')} }`);
    expect(response.status).toBe(400);
    expect(response.body.errors![0]!.extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(response.body.errors![0]!.message).toMatch(/contains more th\w+ 200 tokens/);
  });

  it('body size: 413 REQUEST_TOO_LARGE', async () => {
    const response = await post(stack.url, JSON.stringify({ query: `{ __typename }${' '.repeat(3000)}` }));
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({
      errors: [{ message: 'The request body is larger than 2000 bytes.', extensions: { code: 'REQUEST_TOO_LARGE' } }],
    });
  });

  it('a body that is not JSON: 400 BAD_REQUEST, its text not echoed', async () => {
    const response = await post(stack.url, '{"query": "{ __typename }", oops-secret-looking-text');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      errors: [{ extensions: { code: 'BAD_REQUEST', requestId: expect.any(String) } }],
    });
    expect(response.text).not.toContain('oops-secret-looking-text');
  });

  it('batched requests are refused while batching is off', async () => {
    const response = await post(stack.url, JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(response.status).toBe(400);
    expect(response.text).toMatch(/batching/i);
  });
});

describe('batching, when enabled', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { GRAPHQL_BATCHING: 'true', GRAPHQL_MAX_BATCH_SIZE: '2' } });
  });
  afterAll(() => stack.close());

  it('runs up to GRAPHQL_MAX_BATCH_SIZE operations, refuses more with 413 BATCH_TOO_LARGE', async () => {
    const ok = await post(
      stack.url,
      JSON.stringify([{ query: '{ __typename }' }, { query: '{ phoneNumbers(first: 1) { nodes { id } } }' }]),
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual([
      { data: { __typename: 'Query' } },
      { data: { phoneNumbers: { nodes: [{ id: expect.any(String) }] } } },
    ]);
    const tooMany = await post(stack.url, JSON.stringify([1, 2, 3].map(() => ({ query: '{ __typename }' }))));
    expect(tooMany.status).toBe(413);
    expect(tooMany.body).toMatchObject({ errors: [{ extensions: { code: 'BATCH_TOO_LARGE', limit: 2 } }] });
  });
});

describe('in production', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { NODE_ENV: 'production', AUTH_MODE: 'none' } });
  });
  afterAll(() => stack.close());

  it('hides field suggestions that would reveal the schema', async () => {
    const response = await stack.query('{ phoneNumbers { nodez { id } } }');
    expect(response.body.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.body.errors![0]!.message).not.toMatch(/Did you mean/);
    expect(response.body.errors![0]!.message).toMatch(/Cannot query field "nodez"/);
  });
});
