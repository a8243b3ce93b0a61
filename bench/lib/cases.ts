// What the benchmark asks: each case is one kind of frontend request, written
// once as a GraphQL operation (for the gateway) and once as the upstream GET
// it stands for (for the pass-through and the upstream itself).
import type { PhoneNumberRecord } from '../../src/cartesia/types';
import { encodeCursor } from '../../src/graphql/relay/cursor';

export type CaseName = 'list' | 'filtered' | 'lookup' | 'samePage';

/** One request, in both forms. */
export interface Variant {
  /** GraphQL variables for the case's operation. */
  readonly variables: Record<string, unknown>;
  /** The upstream path and query the gateway sends for it (canonical order). */
  readonly restPath: string;
}

export interface BenchCase {
  readonly name: CaseName;
  readonly description: string;
  readonly query: string;
  /** Requests are sent round-robin over these; many variants keep concurrent requests distinct. */
  readonly variants: readonly Variant[];
  /** How many records a good answer has (sanity check before a run). */
  readonly expectedItems: number;
}

const FIELDS = /* GraphQL */ `
  fragment Fields on PhoneNumber {
    id
    label
    number
    agent {
      id
      name
    }
    provider {
      __typename
      ... on TwilioProvider {
        type
        id
        accountSid
        apiKeySid
        region
      }
      ... on CartesiaProvider {
        type
      }
    }
    createdAt
    updatedAt
  }
`;

const CONNECTION = /* GraphQL */ `
  edges { cursor node { ...Fields } }
  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
`;

const PAGE_SIZE = 10;
const LIST_PATH = '/agents/phone-numbers';

function listCase(records: readonly PhoneNumberRecord[]): BenchCase {
  // Page k starts after the last record of page k-1: every page is a distinct upstream URL.
  const variants: Variant[] = [];
  for (let start = 0; start + PAGE_SIZE <= records.length; start += PAGE_SIZE) {
    const after = records[start - 1]?.id;
    variants.push({
      variables: after ? { after: encodeCursor(after) } : {},
      restPath: `${LIST_PATH}?limit=${PAGE_SIZE}${after ? `&starting_after=${after}` : ''}`,
    });
  }
  return {
    name: 'list',
    description: `pages of ${PAGE_SIZE} numbers with the provider union, each client on a different page`,
    query: `query List($after: String) { phoneNumbers(first: ${PAGE_SIZE}, after: $after) { ${CONNECTION} } } ${FIELDS}`,
    variants,
    expectedItems: PAGE_SIZE,
  };
}

function filteredCase(): BenchCase {
  // Two-digit fragments of the number: each matches ~10 % of Twilio numbers, 100 distinct filters.
  const variants = Array.from({ length: 100 }, (_, i) => {
    const search = String(i).padStart(2, '0');
    return { variables: { search }, restPath: `${LIST_PATH}?limit=${PAGE_SIZE}&q=${search}&type=twilio` };
  });
  return {
    name: 'filtered',
    description: `first ${PAGE_SIZE} Twilio numbers matching a search (100 different searches)`,
    query: `query Filtered($search: String!) { phoneNumbers(first: ${PAGE_SIZE}, filter: { type: TWILIO, search: $search }) { ${CONNECTION} } } ${FIELDS}`,
    variants,
    expectedItems: PAGE_SIZE,
  };
}

function lookupCase(records: readonly PhoneNumberRecord[]): BenchCase {
  return {
    name: 'lookup',
    description: 'phoneNumber(id) over every id in turn',
    query: `query Lookup($id: ID!) { phoneNumber(id: $id) { ...Fields } } ${FIELDS}`,
    variants: records.map((record) => ({ variables: { id: record.id }, restPath: `${LIST_PATH}/${record.id}` })),
    expectedItems: 1,
  };
}

function samePageCase(): BenchCase {
  return {
    name: 'samePage',
    description: `every client asks the same first page of ${PAGE_SIZE} (coalescing and caching apply)`,
    query: `query First { phoneNumbers(first: ${PAGE_SIZE}) { ${CONNECTION} } } ${FIELDS}`,
    variants: [{ variables: {}, restPath: `${LIST_PATH}?limit=${PAGE_SIZE}` }],
    expectedItems: PAGE_SIZE,
  };
}

/** Every case over the upstream's data set (records in list order). */
export function benchCases(records: readonly PhoneNumberRecord[]): BenchCase[] {
  return [listCase(records), filteredCase(), lookupCase(records), samePageCase()];
}

/** How many records an answer holds, in either form; undefined when it is not a good answer. */
export function countItems(kind: 'graphql' | 'rest', text: string): number | undefined {
  const body = JSON.parse(text) as Record<string, any>;
  if (kind === 'rest') return Array.isArray(body.data) ? body.data.length : typeof body.id === 'string' ? 1 : undefined;
  if (body.errors) return undefined;
  const data = body.data ?? {};
  if (data.phoneNumbers) return data.phoneNumbers.edges.length;
  return data.phoneNumber ? 1 : undefined;
}
