import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import type { PhoneNumberRecord } from '../../src/cartesia/types';
import { PhoneNumberListQuery } from '../../examples/src/operations';
import type { PhoneNumberFilter } from '../../examples/src/gql/graphql';
import { startTestStack, type TestStack } from '../helpers/gateway';

// Apollo Client, as a frontend would configure it, against the real gateway
// over HTTP: relayStylePagination merges the pages `fetchMore` loads.

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.upstream.clearRequests());

function newClient() {
  return new ApolloClient({
    link: new HttpLink({ uri: `${stack.url}/graphql`, fetch }),
    cache: new InMemoryCache({
      typePolicies: { Query: { fields: { phoneNumbers: relayStylePagination(['filter']) } } },
    }),
  });
}

/** Loads the first page, then `fetchMore` until `hasNextPage` is false; returns the merged cache list. */
async function walk(first: number, filter?: PhoneNumberFilter) {
  const client = newClient();
  const variables = { first, filter };
  const observable = client.watchQuery({ query: PhoneNumberListQuery, variables });
  const subscription = observable.subscribe({});
  try {
    let { data } = await client.query({ query: PhoneNumberListQuery, variables });
    let pages = 1;
    while (data!.phoneNumbers.pageInfo.hasNextPage) {
      ({ data } = await observable.fetchMore({ variables: { after: data!.phoneNumbers.pageInfo.endCursor } }));
      pages += 1;
    }
    const merged = client.readQuery({ query: PhoneNumberListQuery, variables });
    return {
      ids: merged!.phoneNumbers.edges.map((edge) => edge.node.id),
      pageInfo: merged!.phoneNumbers.pageInfo,
      pages,
    };
  } finally {
    subscription.unsubscribe();
    client.stop();
  }
}

const idsOf = (records: readonly PhoneNumberRecord[]) => records.map((record) => record.id);
const listRequests = () => stack.upstream.requests.filter((request) => request.path === '/agents/phone-numbers');

describe('Apollo Client with relayStylePagination', () => {
  it('pages forward through the whole data set: the merged list is the upstream order, no duplicates', async () => {
    const { ids, pageInfo, pages } = await walk(50);
    expect(ids).toEqual(idsOf(stack.upstream.records));
    expect(new Set(ids).size).toBe(ids.length);
    expect(pageInfo.hasNextPage).toBe(false);
    expect(pages).toBe(Math.ceil(stack.upstream.records.length / 50));
    expect(listRequests()).toHaveLength(pages);
  });

  it('pages through a filtered list (the filter is a cache key): the merged list is the upstream order', async () => {
    const filter: PhoneNumberFilter = { type: 'TWILIO', search: 'a' };
    const expected = stack.upstream.records.filter(
      (r) =>
        r.provider.type === 'twilio' &&
        [r.number, r.label ?? '', r.agent?.name ?? ''].some((field) => field.toLowerCase().includes('a')),
    );
    expect(expected.length).toBeGreaterThan(30);
    const { ids } = await walk(30, filter);
    expect(ids).toEqual(idsOf(expected));
    expect(new Set(ids).size).toBe(ids.length);
    expect(listRequests().every((request) => request.query.type === 'twilio' && request.query.q === 'a')).toBe(true);
  });
});
