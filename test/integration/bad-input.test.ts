import { encodeCursor } from '../../src/graphql/relay/cursor';
import { startTestStack, type TestStack } from '../helpers/gateway';
import { PHONE_NUMBER, PHONE_NUMBERS } from '../helpers/queries';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.upstream.clearRequests());

const cursor = encodeCursor('pn_anything');

describe('bad input: BAD_USER_INPUT, a message that says what to change, no upstream call', () => {
  it.each([
    ['first with last', { first: 2, last: 2, before: cursor }, /either "first" \(forward\) or "last"/],
    ['after with before', { after: cursor, before: cursor }, /either "after" \(forward\) or "before"/],
    ['last without before', { last: 5 }, /"last" needs "before"/],
    ['first with before', { first: 5, before: cursor }, /use it with "last"/],
    ['first = 0', { first: 0 }, /"first" must be between 1 and 100; got 0/],
    ['first < 0', { first: -3 }, /"first" must be between 1 and 100; got -3/],
    ['first > 100', { first: 101 }, /"first" must be between 1 and 100; got 101/],
    ['last > 100', { last: 1000, before: cursor }, /"last" must be between 1 and 100/],
    ['garbage after', { after: 'not-a-cursor' }, /"after" is not a valid cursor/],
    ['garbage before', { before: '%%%' }, /"before" is not a valid cursor/],
    ['foreign cursor', { after: Buffer.from('arrayconnection:3').toString('base64') }, /"after" is not a valid cursor/],
    ['huge search', { filter: { search: 'x'.repeat(1000) } }, /"filter.search" must be at most 256 characters/],
  ])('%s', async (_name, variables, message) => {
    const response = await stack.query(PHONE_NUMBERS, variables);
    expect(response.status).toBe(200);
    expect(response.body.data).toBeNull();
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(response.body.errors![0]!.message).toMatch(message);
    expect(stack.upstream.requests).toHaveLength(0);
  });

  it.each([
    ['a path-changing id', '../../admin'],
    ['an id with spaces', 'pn abc'],
    ['an empty id', ''],
  ])('phoneNumber with %s', async (_name, id) => {
    const response = await stack.query(PHONE_NUMBER, { id });
    expect(response.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(response.body.errors![0]!.message).toMatch(/"id" is not a phone number ID/);
    expect(stack.upstream.requests).toHaveLength(0);
  });

  it.each([
    ['a variable of the wrong type', PHONE_NUMBERS, { first: 'ten' }],
    ['an unknown enum value', PHONE_NUMBERS, { filter: { type: 'SIP' } }],
    ['a float page size', PHONE_NUMBERS, { first: 1.5 }],
    ['a missing required variable', PHONE_NUMBER, {}],
  ])('%s is BAD_USER_INPUT with HTTP 400', async (_name, query, variables) => {
    const response = await stack.query(query, variables);
    expect(response.status).toBe(400);
    expect(response.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(stack.upstream.requests).toHaveLength(0);
  });

  it('a syntax error is GRAPHQL_PARSE_FAILED, an unknown field GRAPHQL_VALIDATION_FAILED', async () => {
    const parse = await stack.query('{ phoneNumbers(first: 1) { edges ');
    expect(parse.status).toBe(400);
    expect(parse.body.errors![0]!.extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
    const validation = await stack.query('{ phoneNumbers { totalCount } }');
    expect(validation.status).toBe(400);
    expect(validation.body.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(stack.upstream.requests).toHaveLength(0);
  });

  it('keeps serving after bad input', async () => {
    await stack.query(PHONE_NUMBERS, { first: -1 });
    const data = await stack.data(PHONE_NUMBERS, { first: 1 });
    expect(data.phoneNumbers.edges).toHaveLength(1);
  });
});
