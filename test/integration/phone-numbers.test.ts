import { encodeCursor } from '../../src/graphql/relay/cursor';
import type { PhoneNumberRecord } from '../../src/cartesia/types';
import { expectedPhoneNumber } from '../helpers/expected';
import { TEST_API_KEY, startTestStack, type TestStack } from '../helpers/gateway';
import { PHONE_NUMBERS, type PhoneNumbersData } from '../helpers/queries';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.upstream.clearRequests());

const listRequests = () => stack.upstream.requests.filter((r) => r.path === '/agents/phone-numbers');

async function walkForward(first: number, filter?: Record<string, unknown>) {
  const ids: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const { phoneNumbers }: PhoneNumbersData = await stack.data<PhoneNumbersData>(PHONE_NUMBERS, { first, after, filter });
    pages += 1;
    expect(phoneNumbers.pageInfo.hasPreviousPage).toBe(after !== null);
    expect(phoneNumbers.nodes.map((n) => n.id)).toEqual(phoneNumbers.edges.map((e) => e.node.id));
    ids.push(...phoneNumbers.edges.map((e) => e.node.id));
    if (!phoneNumbers.pageInfo.hasNextPage) return { ids, pages };
    expect(phoneNumbers.edges).toHaveLength(first);
    after = phoneNumbers.pageInfo.endCursor;
  }
}

async function walkBackward(last: number, from: PhoneNumberRecord) {
  const pages: string[][] = [];
  let before: string | null = encodeCursor(from.id);
  for (;;) {
    const { phoneNumbers }: PhoneNumbersData = await stack.data<PhoneNumbersData>(PHONE_NUMBERS, { last, before });
    expect(phoneNumbers.pageInfo.hasNextPage).toBe(true);
    pages.unshift(phoneNumbers.edges.map((e) => e.node.id));
    if (!phoneNumbers.pageInfo.hasPreviousPage) return { ids: pages.flat(), pages: pages.length };
    before = phoneNumbers.pageInfo.startCursor;
  }
}

describe('phoneNumbers', () => {
  it('returns the first 10 by default, mapped field by field, with one upstream call', async () => {
    const { phoneNumbers } = await stack.data<PhoneNumbersData>(PHONE_NUMBERS);
    const expected = stack.upstream.records.slice(0, 10);
    expect(phoneNumbers.edges.map((e) => e.node)).toEqual(expected.map(expectedPhoneNumber));
    expect(phoneNumbers.edges.map((e) => e.cursor)).toEqual(expected.map((r) => encodeCursor(r.id)));
    expect(phoneNumbers.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: encodeCursor(expected[0]!.id),
      endCursor: encodeCursor(expected[9]!.id),
    });
    expect(listRequests()).toHaveLength(1);
    expect(listRequests()[0]!.query).toEqual({ limit: '10' });
  });

  it('sends the key and the version header on every upstream call', async () => {
    await stack.data(PHONE_NUMBERS, { first: 3 });
    const [request] = listRequests();
    expect(request!.headers.authorization).toBe(`Bearer ${TEST_API_KEY}`);
    expect(request!.headers['cartesia-version']).toBe('2026-03-01');
  });

  it.each([1, 7, 10, 100])('walks forward over the whole data set, %i at a time, one call per page', async (first) => {
    const records = stack.upstream.records;
    const { ids, pages } = await walkForward(first);
    expect(ids).toEqual(records.map((r) => r.id));
    expect(pages).toBe(Math.max(1, Math.ceil(records.length / first)));
    const requests = listRequests();
    expect(requests).toHaveLength(pages);
    expect(requests[0]!.query).toEqual({ limit: String(first) });
    expect(requests[1]?.query).toEqual({ limit: String(first), starting_after: records[first - 1]!.id });
  });

  it.each([1, 9, 100])('walks backward over the whole data set, %i at a time, edges in list order', async (last) => {
    const records = stack.upstream.records;
    const lastRecord = records.at(-1)!;
    const { ids, pages } = await walkBackward(last, lastRecord);
    expect(ids).toEqual(records.slice(0, -1).map((r) => r.id));
    expect(listRequests()).toHaveLength(pages);
    expect(listRequests()[0]!.query).toEqual({ limit: String(last), ending_before: lastRecord.id });
  });

  it('pages back to exactly the page it came from', async () => {
    const first = await stack.data<PhoneNumbersData>(PHONE_NUMBERS, { first: 5 });
    const second = await stack.data<PhoneNumbersData>(PHONE_NUMBERS, { first: 5, after: first.phoneNumbers.pageInfo.endCursor });
    const back = await stack.data<PhoneNumbersData>(PHONE_NUMBERS, { last: 5, before: second.phoneNumbers.pageInfo.startCursor });
    expect(back.phoneNumbers.edges).toEqual(first.phoneNumbers.edges);
    expect(back.phoneNumbers.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: first.phoneNumbers.pageInfo.startCursor,
      endCursor: first.phoneNumbers.pageInfo.endCursor,
    });
  });

  it('uses 10 for "before" without "last"', async () => {
    const from = stack.upstream.records[30]!;
    const { phoneNumbers } = await stack.data<PhoneNumbersData>(PHONE_NUMBERS, { before: encodeCursor(from.id) });
    expect(phoneNumbers.edges.map((e) => e.node.id)).toEqual(stack.upstream.records.slice(20, 30).map((r) => r.id));
    expect(listRequests()[0]!.query).toEqual({ limit: '10', ending_before: from.id });
  });

  describe('filters', () => {
    const records = () => stack.upstream.records;
    const cases: Array<[string, () => [Record<string, unknown>, Record<string, string>, (r: PhoneNumberRecord) => boolean]]> = [
      ['agentId', () => {
        const agent = records().find((r) => r.agent)!.agent!;
        return [{ agentId: agent.id }, { agent_id: agent.id }, (r) => r.agent?.id === agent.id];
      }],
      ['providerId', () => {
        const provider = records().find((r) => r.provider.type === 'twilio')!.provider as { id: string };
        return [{ providerId: provider.id }, { provider_id: provider.id }, (r) => 'id' in r.provider && r.provider.id === provider.id];
      }],
      ['type TWILIO', () => [{ type: 'TWILIO' }, { type: 'twilio' }, (r) => r.provider.type === 'twilio']],
      ['type CARTESIA', () => [{ type: 'CARTESIA' }, { type: 'cartesia' }, (r) => r.provider.type === 'cartesia']],
      ['search', () => {
        const name = records().find((r) => r.agent)!.agent!.name;
        const term = name.slice(0, 4).toUpperCase();
        const matches = (r: PhoneNumberRecord) =>
          [r.number, r.label ?? '', r.agent?.name ?? ''].some((s) => s.toLowerCase().includes(term.toLowerCase()));
        return [{ search: term }, { q: term }, matches];
      }],
      ['combined', () => {
        const agent = records().find((r) => r.agent && r.provider.type === 'twilio')!.agent!;
        return [
          { agentId: agent.id, type: 'TWILIO' },
          { agent_id: agent.id, type: 'twilio' },
          (r) => r.agent?.id === agent.id && r.provider.type === 'twilio',
        ];
      }],
    ];

    it.each(cases)('%s: maps to the upstream param and walks exactly the matching subset', async (_name, make) => {
      const [filter, params, predicate] = make();
      const expected = records().filter(predicate).map((r) => r.id);
      expect(expected.length).toBeGreaterThan(0);
      const { ids } = await walkForward(20, filter);
      expect(ids).toEqual(expected);
      expect(listRequests()[0]!.query).toEqual({ ...params, limit: '20' });
    });

    it('omits empty filter values', async () => {
      await stack.data(PHONE_NUMBERS, { first: 2, filter: { agentId: '', providerId: null, search: '  ' } });
      expect(listRequests()[0]!.query).toEqual({ limit: '2' });
    });

    it('returns an empty page with null cursors when nothing matches', async () => {
      const { phoneNumbers } = await stack.data<PhoneNumbersData>(PHONE_NUMBERS, { filter: { search: 'no-such-thing-zzz' } });
      expect(phoneNumbers).toEqual({
        edges: [],
        nodes: [],
        pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      });
    });
  });

  it('fetches an aliased page asked twice only once, and different pages once each', async () => {
    const data = await stack.data<Record<string, { edges: Array<{ node: { id: string } }> }>>(/* GraphQL */ `
      {
        a: phoneNumbers(first: 3) { edges { node { id } } }
        b: phoneNumbers(first: 3) { edges { node { id number } } }
        c: phoneNumbers(first: 3, filter: { type: TWILIO }) { edges { node { id } } }
      }
    `);
    expect(data.a!.edges).toEqual(data.b!.edges.map((e) => ({ node: { id: e.node.id } })));
    expect(listRequests()).toHaveLength(2);
  });
});
