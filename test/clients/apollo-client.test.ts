import { createApolloClient } from '../../examples/src/apollo';
import type { PhoneNumberRecord } from '../../src/cartesia/types';
import { getFragmentData } from '../../examples/src/gql';
import { PhoneNumberListQuery, ProviderBadgeFragment } from '../../examples/src/operations';
import type { PhoneNumberFilter } from '../../examples/src/gql/graphql';
import { startTestStack, type TestStack } from '../helpers/gateway';

// Apollo Client, as the example configures it, against the real gateway
// over HTTP: relayStylePagination merges the pages `fetchMore` loads.

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.upstream.clearRequests());

// The shipped configuration (examples/src/apollo.ts): relayStylePagination
// keyed by filter, and the generated possibleTypes.
const newClient = () => createApolloClient(`${stack.url}/graphql`);

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

  it('caches provider badges with their fields: ProviderBadge is on a union, matched through possibleTypes', async () => {
    const client = newClient();
    try {
      const { data } = await client.query({ query: PhoneNumberListQuery, variables: { first: 20 } });
      const badges = data!.phoneNumbers.edges.map((edge) => getFragmentData(ProviderBadgeFragment, edge.node.provider));
      const expected = stack.upstream.records
        .slice(0, 20)
        .map((record) =>
          record.provider.type === 'twilio'
            ? { __typename: 'TwilioProvider', region: record.provider.region.toUpperCase() }
            : { __typename: 'CartesiaProvider', type: 'CARTESIA' },
        );
      expect(new Set(expected.map((badge) => badge.__typename))).toEqual(
        new Set(['TwilioProvider', 'CartesiaProvider']),
      );
      expect(badges).toEqual(expected);
    } finally {
      client.stop();
    }
  });
});
