import { getGraphQL, postGraphQL, startTestStack, type TestStack } from '../helpers/gateway';
import { scrape } from '../helpers/metrics';
import { PHONE_NUMBERS } from '../helpers/queries';

// Which engine runs an operation (src/graphql/jit-executor.ts): graphql-js
// for a document's first run and for GETs, graphql-jit otherwise; each
// operation exactly once. Both must give the same answer, errors included.

let stack: TestStack;
beforeAll(async () => {
  // The production default: compile on the second run.
  stack = await startTestStack({ env: { GRAPHQL_JIT_AFTER_RUNS: '1' } });
});
afterAll(() => stack.close());
beforeEach(() => stack.upstream.clearRequests());

async function executions(): Promise<Record<string, number>> {
  const metrics = await scrape(stack.gateway.metricsUrl!);
  const count = (labels: Record<string, string>) => metrics.value('gateway_graphql_executions_total', labels) ?? 0;
  return {
    jit: count({ engine: 'jit' }),
    firstRuns: count({ engine: 'graphql-js', reason: 'first_runs' }),
    get: count({ engine: 'graphql-js', reason: 'get' }),
    graphqlJs: count({ engine: 'graphql-js' }),
  };
}

function delta(before: Record<string, number>, after: Record<string, number>) {
  return Object.fromEntries(Object.entries(after).map(([key, value]) => [key, value - before[key]!]));
}

// A comment makes each test's document new to the gateway.
const fresh = (query: string, tag: string) => `${query}\n# ${tag}`;

it('runs a new document with graphql-js once, then compiled, with the same answer', async () => {
  const query = fresh(PHONE_NUMBERS, 'repeat');
  const before = await executions();
  const answers = [];
  for (let i = 0; i < 3; i += 1) answers.push((await postGraphQL(stack.url, query, { first: 3 })).body);
  expect(delta(before, await executions())).toEqual({ jit: 2, firstRuns: 1, get: 0, graphqlJs: 1 });
  expect(answers[0]!.errors).toBeUndefined();
  expect((answers[0]!.data as { phoneNumbers: { edges: unknown[] } }).phoneNumbers.edges).toHaveLength(3);
  expect(answers[1]).toEqual(answers[0]);
  expect(answers[2]).toEqual(answers[0]);
});

it('runs GETs with graphql-js (whether they are cacheable comes from per-field hints)', async () => {
  const query = fresh(PHONE_NUMBERS, 'get');
  const before = await executions();
  const response = await getGraphQL(stack.url, { query, variables: { first: 2 } });
  await getGraphQL(stack.url, { query, variables: { first: 2 } });
  expect(response.body.errors).toBeUndefined();
  expect(response.headers.get('cache-control')).toBe('private, no-cache');
  expect(delta(before, await executions())).toEqual({ jit: 0, firstRuns: 0, get: 2, graphqlJs: 2 });
});

it("answers a compiled operation's errors exactly as graphql-js does, running it once", async () => {
  // One root field is served, the other refused: partial data and an error.
  const query = fresh('{ ok: phoneNumbers(first: 2) { nodes { id } } bad: phoneNumber(id: "") { id } }', 'errors');
  const first = await postGraphQL(stack.url, query);
  expect(stack.upstream.requests).toHaveLength(1);
  const before = await executions();
  const second = await postGraphQL(stack.url, query);
  // Executed once, by graphql-jit: its result is the answer, errors included.
  expect(delta(before, await executions())).toEqual({ jit: 1, firstRuns: 0, get: 0, graphqlJs: 0 });
  expect(stack.upstream.requests).toHaveLength(2);
  expect(second.status).toBe(first.status);
  const withoutRequestId = (body: typeof first.body) =>
    body.errors!.map(({ extensions, ...error }) => ({ ...error, code: extensions!.code }));
  expect(withoutRequestId(second.body)).toEqual(withoutRequestId(first.body));
  expect(second.body.errors![0]!.message).toBe(first.body.errors![0]!.message);
  expect(withoutRequestId(first.body)).toEqual([expect.objectContaining({ path: ['bad'], code: 'BAD_USER_INPUT' })]);
  expect(second.body.data).toEqual(first.body.data);
  expect((first.body.data as { ok: { nodes: unknown[] } }).ok.nodes).toHaveLength(2);
});
