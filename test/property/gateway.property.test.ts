import fc from 'fast-check';
import { encodeCursor } from '../../src/graphql/relay/cursor';
import { getGraphQL, startTestStack, type GraphQLResponse, type TestStack } from '../helpers/gateway';
import { PHONE_NUMBER, PHONE_NUMBERS } from '../helpers/queries';

// Whatever a frontend (or an attacker) sends: a coded answer, never an
// INTERNAL_SERVER_ERROR, never a crash. Random arguments, cursors, filters,
// ids and query shapes against the real gateway and upstream.

const RUNS = { numRuns: 60 };
const ALLOWED_STATUS = [200, 400];

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ env: { UPSTREAM_RETRIES: '0' } });
});
afterAll(() => stack.close());
afterEach(async () => {
  // Still alive and serving after every property.
  expect((await stack.data('{ phoneNumbers(first: 1) { nodes { id } } }')).phoneNumbers.nodes).toHaveLength(1);
});

function expectHandled(response: GraphQLResponse<unknown>) {
  expect(ALLOWED_STATUS).toContain(response.status);
  for (const error of response.body.errors ?? []) {
    expect(typeof error.extensions?.code).toBe('string');
    expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(error.extensions).not.toHaveProperty('stacktrace');
  }
  if (!response.body.errors?.length) expect(response.body.data).toBeTruthy();
}

/** The answer as a client reads it, less the per-request id. */
function withoutRequestIds(body: GraphQLResponse<unknown>['body']) {
  return {
    ...body,
    errors: body.errors?.map(({ extensions, ...error }) => {
      const { requestId: _requestId, ...rest } = extensions ?? {};
      return { ...error, extensions: rest };
    }),
  };
}

/**
 * POSTed queries run compiled by graphql-jit (the stack compiles from the
 * first run), GETs on graphql-js: the same answer either way, errors
 * (codes, messages, paths) included, since the compiled result is never
 * executed again.
 */
async function expectSameAnswerOverGet(query: string, variables: unknown, post: GraphQLResponse<unknown>) {
  const viaGraphqlJs = await getGraphQL(stack.url, { query, variables });
  expect(viaGraphqlJs.status).toBe(post.status);
  expect(withoutRequestIds(viaGraphqlJs.body)).toEqual(withoutRequestIds(post.body));
}

const anyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constant(''),
);
const upstreamishId = fc.oneof(
  fc.stringMatching(/^pn_[A-Za-z0-9]{1,30}$/),
  fc.constantFrom(...['pn_', 'pn_%2e%2e', 'pn_../x', 'pn_ a', 'pn_\u0000']),
);
const cursor = fc.oneof(
  upstreamishId.map((id) => encodeCursor(id)),
  anyString,
  anyString.map((s) => Buffer.from(s).toString('base64url')),
  anyString.map((s) => Buffer.from(`PhoneNumber:v1:${s}`).toString('base64url')),
);
const count = fc.oneof(fc.integer({ min: -5, max: 120 }), fc.constantFrom(0, 1, 100, 101, 2 ** 31 - 1, -(2 ** 31)));
const filter = fc.record(
  {
    agentId: fc.option(fc.oneof(anyString, fc.stringMatching(/^agent_[A-Za-z0-9]{1,20}$/))),
    providerId: fc.option(anyString),
    type: fc.option(fc.constantFrom('TWILIO', 'CARTESIA')),
    search: fc.option(fc.oneof(anyString, fc.string({ maxLength: 300 }))),
  },
  { requiredKeys: [] },
);
// Arguments the gateway must serve (most random ones are refused, rightly):
// without this branch a run could see no page at all and check nothing.
const servableArgs = fc.record(
  { first: fc.integer({ min: 1, max: 100 }), filter: fc.record({ type: fc.constantFrom('TWILIO', 'CARTESIA') }) },
  { requiredKeys: ['first'] },
);
const pageArgs = fc.oneof(
  servableArgs,
  fc.record({ first: count, after: cursor, filter }, { requiredKeys: [] }),
  fc.record({ last: count, before: cursor, filter }, { requiredKeys: ['last', 'before'] }),
  fc.record({ first: count, last: count, after: cursor, before: cursor, filter }, { requiredKeys: [] }),
);

it('phoneNumbers with random arguments, cursors and filters', async () => {
  let served = 0;
  await fc.assert(
    fc.asyncProperty(pageArgs, async (variables) => {
      const response = await stack.query(PHONE_NUMBERS, variables);
      expectHandled(response);
      await expectSameAnswerOverGet(PHONE_NUMBERS, variables, response);
      const edges = (response.body.data as { phoneNumbers?: { edges: unknown[] } } | null)?.phoneNumbers?.edges;
      if (edges) {
        served += 1;
        expect(edges.length).toBeLessThanOrEqual(100);
      }
    }),
    RUNS,
  );
  expect(served).toBeGreaterThan(0);
});

it('phoneNumber and node with random ids', async () => {
  await fc.assert(
    fc.asyncProperty(fc.oneof(upstreamishId, anyString, fc.string({ maxLength: 2000 })), async (id) => {
      expectHandled(await stack.query(PHONE_NUMBER, { id }));
      expectHandled(await stack.query('query ($id: ID!) { node(id: $id) { id __typename } }', { id }));
    }),
    RUNS,
  );
});

// A small grammar of operations: real and unknown fields, aliases, nesting,
// fragments, arguments of right and wrong types, directives.
const argValue: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: -200, max: 200 }).map(String),
  anyString.map((s) => JSON.stringify(s)),
  fc.constantFrom(
    'null',
    'true',
    'TWILIO',
    'SIP',
    '[1, 2]',
    '{ type: CARTESIA }',
    '{ search: "a" }',
    '$undefinedVar',
    '1.5',
  ),
);
const argName = fc.constantFrom('first', 'last', 'after', 'before', 'filter', 'id', 'bogus');
const args = fc
  .array(fc.tuple(argName, argValue), { maxLength: 3 })
  .map((pairs) => (pairs.length ? `(${pairs.map(([n, v]) => `${n}: ${v}`).join(', ')})` : ''));
const alias = fc.option(fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/), { nil: undefined }).map((a) => (a ? `${a}: ` : ''));
const directive = fc.constantFrom(
  '',
  '',
  ' @include(if: true)',
  ' @skip(if: true)',
  ' @deprecated',
  ' @skip(if: "no")',
);

const leafNames = fc.constantFrom('id', 'number', 'label', 'createdAt', 'cursor', 'hasNextPage', '__typename', 'nope');
const selection: fc.Arbitrary<string> = fc.letrec<{ set: string }>((tie) => ({
  set: fc
    .array(
      fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.tuple(alias, leafNames, directive).map(([a, n, d]) => `${a}${n}${d}`),
        fc
          .tuple(
            alias,
            fc.constantFrom('edges', 'node', 'nodes', 'pageInfo', 'agent', 'provider', 'phoneNumbers'),
            args,
            tie('set'),
          )
          .map(([a, n, g, s]) => `${a}${n}${g} ${s}`),
        fc
          .tuple(fc.constantFrom('PhoneNumber', 'TwilioProvider', 'CartesiaProvider', 'Nope'), tie('set'))
          .map(([t, s]) => `... on ${t} ${s}`),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((items) => `{ ${items.join(' ')} }`),
})).set;
const rootField = fc
  .tuple(alias, fc.constantFrom('phoneNumbers', 'phoneNumber', 'node', '__typename', 'unknownRoot'), args, selection)
  .map(([a, n, g, s]) => (n === '__typename' ? `${a}${n}` : `${a}${n}${g} ${s}`));
const operation = fc.oneof(
  fc.array(rootField, { minLength: 1, maxLength: 4 }).map((fields) => `{ ${fields.join(' ')} }`),
  fc
    .array(rootField, { minLength: 1, maxLength: 3 })
    .map((fields) => `query Q { ...F } fragment F on Query { ${fields.join(' ')} }`),
  fc.constantFrom(
    'mutation { x }',
    'subscription { x }',
    '{',
    '}',
    '{ phoneNumbers(first: 1) { ...Cycle } } fragment Cycle on PhoneNumberConnection { ...Cycle }',
  ),
  fc.string({ maxLength: 80 }),
);

it('random query shapes', async () => {
  const outcomes = { executed: 0, refused: 0, compared: 0 };
  await fc.assert(
    fc.asyncProperty(operation, async (query) => {
      const response = await stack.query(query);
      expectHandled(response);
      outcomes[response.body.data ? 'executed' : 'refused'] += 1;
      if (!response.body.data) return;
      await expectSameAnswerOverGet(query, undefined, response);
      outcomes.compared += 1;
    }),
    { numRuns: 150 },
  );
  // Not vacuous: some shapes ran against the upstream, some were refused.
  expect(outcomes.executed).toBeGreaterThan(0);
  expect(outcomes.refused).toBeGreaterThan(0);
  expect(outcomes.compared).toBeGreaterThan(0);
});
