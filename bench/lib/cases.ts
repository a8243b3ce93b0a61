// What the benchmark asks: each case is one kind of frontend request, written
// once as a GraphQL operation (for the gateway) and once as the upstream
// request it stands for (for the pass-through and the upstream itself): a GET
// for the reads, a PATCH for the write.
import type { PhoneNumberRecord } from '../../src/cartesia/types';
import { encodeCursor } from '../../src/graphql/relay/cursor';

export type CaseName = 'list' | 'filtered' | 'lookup' | 'samePage' | 'write';

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
  /** Absent for reads (a GET of restPath, the same body every time); set for writes. */
  readonly write?: WriteRequests;
}

/** How a write case's requests are made: each one must change something, or nothing is written. */
export interface WriteRequests {
  /** The upstream twin's method. */
  readonly restMethod: 'PATCH';
  /** One request of `variant`, made at send time: its GraphQL variables and the upstream body. */
  fresh(variant: Variant): { variables: Record<string, unknown>; restBody: string };
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

/** Labels never sent before in this process (`bench relabel 1`, 2, …; no seeded label looks like that). */
let labelsMade = 0;
const newLabel = () => `bench relabel ${(labelsMade += 1)}`;

function writeCase(records: readonly PhoneNumberRecord[]): BenchCase {
  // A label equal to the current one makes the gateway answer without a PATCH (and the upstream change
  // nothing): every request carries a new label, so every mutation is one real write. Many ids, so no
  // two requests in flight touch the same record.
  return {
    name: 'write',
    description: 'updatePhoneNumber with a new label (a PATCH upstream), over every id in turn',
    query: `mutation Relabel($input: UpdatePhoneNumberInput!) { updatePhoneNumber(input: $input) { phoneNumber { ...Fields } userErrors { code field message } } } ${FIELDS}`,
    variants: records.map((record) => ({
      variables: { input: { id: record.id } },
      restPath: `${LIST_PATH}/${record.id}`,
    })),
    expectedItems: 1,
    write: {
      restMethod: 'PATCH',
      fresh: (variant) => {
        const label = newLabel();
        const input = { ...(variant.variables.input as Record<string, unknown>), label };
        return { variables: { input }, restBody: JSON.stringify({ label }) };
      },
    },
  };
}

/** Every case over the upstream's data set (records in list order). */
export function benchCases(records: readonly PhoneNumberRecord[]): BenchCase[] {
  return [listCase(records), filteredCase(), lookupCase(records), samePageCase(), writeCase(records)];
}

/** How many records an answer holds, in either form; undefined when it is not a good answer. */
export function countItems(kind: 'graphql' | 'rest', text: string): number | undefined {
  const body = JSON.parse(text) as Record<string, any>;
  if (kind === 'rest') return Array.isArray(body.data) ? body.data.length : typeof body.id === 'string' ? 1 : undefined;
  if (body.errors) return undefined;
  const data = body.data ?? {};
  if (data.phoneNumbers) return data.phoneNumbers.edges.length;
  // A mutation's payload: refused (userErrors) is not a good answer, even with a 200.
  const write = data.updatePhoneNumber;
  if (write) return write.userErrors.length === 0 && write.phoneNumber ? 1 : undefined;
  return data.phoneNumber ? 1 : undefined;
}

/** For a write: the label a request asked for, from the body sent. */
export function sentLabel(kind: 'graphql' | 'rest', body: string): string | undefined {
  const sent = JSON.parse(body) as Record<string, any>;
  return kind === 'rest' ? sent.label : sent.variables?.input?.label;
}

/** For a write: the label the answer says the record has now. */
export function answeredLabel(kind: 'graphql' | 'rest', text: string): string | undefined {
  const body = JSON.parse(text) as Record<string, any>;
  return kind === 'rest' ? body.label : body.data?.updatePhoneNumber?.phoneNumber?.label;
}
