import { expectedPhoneNumber } from '../helpers/expected';
import { startTestStack, type TestStack } from '../helpers/gateway';
import { NODE, PHONE_NUMBER } from '../helpers/queries';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.upstream.clearRequests());

const getRequests = () => stack.upstream.requests.filter((r) => r.path.startsWith('/agents/phone-numbers/'));
const listRequests = () => stack.upstream.requests.filter((r) => r.path === '/agents/phone-numbers');

describe('phoneNumber(id) and node(id)', () => {
  it('reads one number with GET /agents/phone-numbers/{id}', async () => {
    const record = stack.upstream.records[17]!;
    const data = await stack.data(PHONE_NUMBER, { id: record.id });
    expect(data.phoneNumber).toEqual(expectedPhoneNumber(record));
    expect(getRequests().map((r) => r.path)).toEqual([`/agents/phone-numbers/${record.id}`]);
  });

  it('answers null without an error for an unknown id', async () => {
    const response = await stack.query(PHONE_NUMBER, { id: 'pn_doesnotexist000000000000' });
    expect(response.body).toEqual({ data: { phoneNumber: null } });
    expect(getRequests()).toHaveLength(1);
  });

  it('resolves a phone number as a Node, and an unknown one as null', async () => {
    const record = stack.upstream.records[3]!;
    const data = await stack.data(NODE, { id: record.id });
    expect(data.node).toEqual({ __typename: 'PhoneNumber', id: record.id, number: record.number });
    const missing = await stack.query(NODE, { id: 'pn_missing' });
    expect(missing.body).toEqual({ data: { node: null } });
  });

  it('answers null for a node id that can be neither a phone number nor an agent, without an upstream call', async () => {
    const response = await stack.query(NODE, { id: 'usr_123' });
    expect(response.body).toEqual({ data: { node: null } });
    expect(stack.upstream.requests).toHaveLength(0);
  });

  it('batches and de-duplicates lookups in one operation: one GET per distinct id', async () => {
    const [a, b] = stack.upstream.records;
    const data = await stack.data(
      /* GraphQL */ `
        query ($a: ID!, $b: ID!) {
          x: phoneNumber(id: $a) { id }
          y: phoneNumber(id: $b) { id }
          z: phoneNumber(id: $a) { number }
          n: node(id: $b) { id }
        }
      `,
      { a: a!.id, b: b!.id },
    );
    expect(data).toEqual({ x: { id: a!.id }, y: { id: b!.id }, z: { number: a!.number }, n: { id: b!.id } });
    expect(getRequests().map((r) => r.path).sort()).toEqual(
      [`/agents/phone-numbers/${a!.id}`, `/agents/phone-numbers/${b!.id}`].sort(),
    );
  });

  it('serves a lookup of a listed id from the list call, whatever the field order', async () => {
    const listed = stack.upstream.records[2]!;
    const data = await stack.data(
      /* GraphQL */ `
        query ($id: ID!) {
          before: phoneNumber(id: $id) { id label }
          phoneNumbers(first: 5) { nodes { id } }
          after: node(id: $id) { id }
        }
      `,
      { id: listed.id },
    );
    expect(data.before).toEqual({ id: listed.id, label: listed.label ?? null });
    expect(data.after).toEqual({ id: listed.id });
    expect(listRequests()).toHaveLength(1);
    expect(getRequests()).toHaveLength(0);
  });

  it('still fetches an id the list did not return', async () => {
    const unlisted = stack.upstream.records[50]!;
    const data = await stack.data(
      `query ($id: ID!) { phoneNumbers(first: 5) { nodes { id } } phoneNumber(id: $id) { id } }`,
      { id: unlisted.id },
    );
    expect(data.phoneNumber).toEqual({ id: unlisted.id });
    expect(listRequests()).toHaveLength(1);
    expect(getRequests()).toHaveLength(1);
  });

  it('does not share loader caches between requests', async () => {
    const record = stack.upstream.records[0]!;
    await stack.data(PHONE_NUMBER, { id: record.id });
    await stack.data(PHONE_NUMBER, { id: record.id });
    expect(getRequests()).toHaveLength(2);
  });
});
