import type { ApolloClient, InMemoryCache } from '@apollo/client';
import {
  assignAgentToPhoneNumber,
  createApolloClient,
  createPhoneNumberCache,
  deletePhoneNumber,
  importPhoneNumber,
  provisionPhoneNumber,
  relabelPhoneNumber,
  unassignAgentFromPhoneNumber,
} from '../../examples/src/apollo';
import { getFragmentData } from '../../examples/src/gql';
import type { PhoneNumberListQueryVariables, PhoneNumberUserErrorCode } from '../../examples/src/gql/graphql';
import { PhoneNumberListQuery, ProviderBadgeFragment } from '../../examples/src/operations';
import { startTestStack, type TestStack } from '../helpers/gateway';
import { scrape } from '../helpers/metrics';

// The Apollo Client mutation example (examples/src/apollo.ts) against the
// real gateway over HTTP: each mutation's cache update shows on the cached
// list with no refetch (the gateway's own operation counter says whether the
// client sent PhoneNumberList again). The demo upstream stamps writes with a
// fixed time, so the server's updatedAt is told apart from the client's
// optimistic guess.

const WRITE_TIME = Date.UTC(2031, 0, 2, 3, 4, 5);
const WRITE_STAMP = '2031-01-02T03:04:05Z';
const LIST: PhoneNumberListQueryVariables = { first: 10 };
const CARTESIA_ONLY: PhoneNumberListQueryVariables = { first: 5, filter: { type: 'CARTESIA' } };

let stack: TestStack;
let cache: InMemoryCache;
let client: ApolloClient;
beforeEach(async () => {
  stack = await startTestStack({ upstream: { clock: () => WRITE_TIME } });
  cache = createPhoneNumberCache();
  client = createApolloClient(`${stack.url}/graphql`, cache);
});
afterEach(async () => {
  client.stop();
  await stack.close();
});

/** How many PhoneNumberList operations the gateway has answered (counted before it sends each answer). */
async function listQueriesAnswered(): Promise<number> {
  const metrics = await scrape(`${stack.url}/metrics`);
  return metrics.value('gateway_graphql_operations_total', { operation_name: 'PhoneNumberList' }) ?? 0;
}

let listQueriesAfterLoad = 0;
/** Loads a list into the cache; later list queries are counted from here. */
async function loadList(variables = LIST) {
  const { data } = await client.query({ query: PhoneNumberListQuery, variables });
  listQueriesAfterLoad = await listQueriesAnswered();
  stack.upstream.clearRequests();
  return data!.phoneNumbers.edges.map((edge) => edge.node);
}
/** PhoneNumberList operations the client sent since the last loadList: a cache update that works needs none. */
const listRefetches = async () => (await listQueriesAnswered()) - listQueriesAfterLoad;

const cachedList = (variables = LIST, optimistic = true) =>
  cache.readQuery({ query: PhoneNumberListQuery, variables }, optimistic);
const cachedNodes = (variables = LIST) => cachedList(variables)!.phoneNumbers.edges.map((edge) => edge.node);
const cachedEntity = (id: string, optimistic = true) => cache.extract(optimistic)[`PhoneNumber:${id}`];
const upstreamWrites = () => stack.upstream.requests.filter((request) => request.method !== 'GET');

describe('provision and import insert phoneNumberEdge into the cached list', () => {
  it('provision: the new number is first in the cached list, a watcher sees it, no refetch', async () => {
    const before = await loadList();
    const watched = client.watchQuery({ query: PhoneNumberListQuery, variables: LIST });
    const seen: string[][] = [];
    const subscription = watched.subscribe(({ data, dataState }) => {
      if (dataState === 'complete') seen.push(data.phoneNumbers.edges.map((edge) => edge.node.id));
    });
    try {
      const payload = await provisionPhoneNumber(client, { label: 'Sales line', clientMutationId: 'p-1' });
      expect(payload.userErrors).toEqual([]);
      expect(payload.clientMutationId).toBe('p-1');
      const created = stack.upstream.records[0]!;
      expect(payload.phoneNumberEdge!.node).toMatchObject({
        id: created.id,
        number: created.number,
        label: 'Sales line',
      });

      const ids = [created.id, ...before.map((node) => node.id)];
      expect(cachedNodes().map((node) => node.id)).toEqual(ids);
      expect(cachedNodes()[0]).toMatchObject({ label: 'Sales line', number: created.number, agent: null });
      expect(getFragmentData(ProviderBadgeFragment, cachedNodes()[0]!.provider)).toEqual({
        __typename: 'CartesiaProvider',
        type: 'CARTESIA',
      });
      expect(cachedList()!.phoneNumbers.edges[0]!.cursor).toBe(payload.phoneNumberEdge!.cursor);
      expect(seen.at(-1)).toEqual(ids);
      expect(await listRefetches()).toBe(0);
    } finally {
      subscription.unsubscribe();
    }
  });

  it('provision drops cached filtered lists (only the server knows whether they include it); they reload', async () => {
    await loadList(CARTESIA_ONLY);
    await loadList();
    const payload = await provisionPhoneNumber(client, { label: 'Sales line' });
    const id = payload.phoneNumberEdge!.node.id;
    expect(cachedNodes()[0]!.id).toBe(id);
    expect(cachedList(CARTESIA_ONLY)).toBeNull();
    const { data } = await client.query({ query: PhoneNumberListQuery, variables: CARTESIA_ONLY });
    expect(data!.phoneNumbers.edges[0]!.node.id).toBe(id);
    expect(await listRefetches()).toBe(1);
  });

  it('a replayed provision (same idempotencyKey) answers with the same edge: the list shows it once', async () => {
    const before = await loadList();
    const input = { label: 'Sales line', idempotencyKey: 'apollo-replay-1' };
    const first = await provisionPhoneNumber(client, input);
    const replay = await provisionPhoneNumber(client, input);
    expect(replay.phoneNumberEdge).toEqual(first.phoneNumberEdge);
    expect(cachedNodes().map((node) => node.id)).toEqual([
      first.phoneNumberEdge!.node.id,
      ...before.map((node) => node.id),
    ]);
    expect(upstreamWrites()).toHaveLength(1);
  });

  it('import by Twilio account: the imported number is first in the cached list, with its badge', async () => {
    const before = await loadList();
    const link = stack.upstream.twilioProviders[0]!;
    const number = stack.upstream.importableNumbers.get(link.id)![1]!;
    const payload = await importPhoneNumber(client, {
      label: 'Imported',
      number,
      twilioAccount: { accountSid: link.account_sid, region: link.region === 'us1' ? 'US1' : 'IE1' },
    });
    expect(payload.userErrors).toEqual([]);
    const [first, ...rest] = cachedNodes();
    expect(first).toMatchObject({ id: payload.phoneNumberEdge!.node.id, number, label: 'Imported' });
    expect(getFragmentData(ProviderBadgeFragment, first!.provider)).toEqual({
      __typename: 'TwilioProvider',
      region: link.region.toUpperCase(),
    });
    expect(rest.map((node) => node.id)).toEqual(before.map((node) => node.id));
    expect(await listRefetches()).toBe(0);
  });

  it('a user error (empty label) is typed data: INVALID at ["input","label"], nothing cached changes', async () => {
    await loadList(CARTESIA_ONLY);
    const before = await loadList();
    const payload = await provisionPhoneNumber(client, { label: '   ' });
    expect(payload.phoneNumberEdge).toBeNull();
    const [error] = payload.userErrors;
    // Typed by codegen: `code` is the schema's enum, `field` the input path.
    const code: PhoneNumberUserErrorCode | undefined = error?.code;
    const field: readonly string[] | null | undefined = error?.field;
    expect({ code, field }).toEqual({ code: 'INVALID', field: ['input', 'label'] });
    expect(error!.message).toEqual(expect.any(String));
    expect(cachedNodes()).toEqual(before);
    expect(cachedList(CARTESIA_ONLY)).not.toBeNull();
    expect(upstreamWrites()).toEqual([]);
  });
});

describe('relabel with an optimisticResponse', () => {
  it('shows the new label before the server answered, then holds the server answer alone', async () => {
    const target = (await loadList()).find((node) => node.label !== 'Front desk')!;
    const watched = client.watchQuery({ query: PhoneNumberListQuery, variables: LIST });
    // Each label a watcher of the list saw, with the cache's base layer and the upstream at that moment.
    const seen: { label: string | null; baseLabel: string | null; updatedAt: unknown; upstreamPatched: boolean }[] = [];
    const subscription = watched.subscribe(({ data, dataState }) => {
      const node = dataState === 'complete' && data.phoneNumbers.edges.find((edge) => edge.node.id === target.id)?.node;
      if (!node) return;
      seen.push({
        label: node.label,
        baseLabel: cachedList(LIST, false)!.phoneNumbers.edges.find((edge) => edge.node.id === target.id)!.node.label,
        updatedAt: cachedEntity(target.id)?.['updatedAt'],
        upstreamPatched: stack.upstream.requests.some((request) => request.method === 'PATCH'),
      });
    });
    try {
      const payload = await relabelPhoneNumber(client, { id: target.id, label: 'Front desk', clientMutationId: 'r-1' });

      const optimistic = seen.find((entry) => entry.label === 'Front desk');
      // Seen before the PATCH reached the upstream, so before the gateway could answer;
      // the base layer still held the old label: the new one came from the optimistic layer.
      expect(optimistic).toMatchObject({ upstreamPatched: false, baseLabel: target.label });
      expect(optimistic!.updatedAt).not.toBe(WRITE_STAMP);

      expect(payload).toEqual({
        __typename: 'UpdatePhoneNumberPayload',
        clientMutationId: 'r-1',
        phoneNumber: { __typename: 'PhoneNumber', id: target.id, label: 'Front desk', updatedAt: WRITE_STAMP },
        userErrors: [],
      });
      // The optimistic layer is gone; what is left is the server's answer.
      expect(client.cache.extract(true)).toEqual(client.cache.extract(false));
      expect(cachedEntity(target.id)).toMatchObject({ label: 'Front desk', updatedAt: WRITE_STAMP });
      expect(cachedNodes().find((node) => node.id === target.id)!.label).toBe('Front desk');
      expect(stack.upstream.records.find((record) => record.id === target.id)!.label).toBe('Front desk');
      expect(await listRefetches()).toBe(0);
    } finally {
      subscription.unsubscribe();
    }
  });

  it('an empty label gets no optimistic answer and comes back as INVALID; the cached label stays', async () => {
    const target = (await loadList()).find((node) => node.label !== null)!;
    const labels: (string | null)[] = [];
    const subscription = client
      .watchQuery({ query: PhoneNumberListQuery, variables: LIST })
      .subscribe(({ data, dataState }) => {
        const node =
          dataState === 'complete' && data.phoneNumbers.edges.find((edge) => edge.node.id === target.id)?.node;
        if (node) labels.push(node.label);
      });
    try {
      const payload = await relabelPhoneNumber(client, { id: target.id, label: '  ' });
      expect(payload.phoneNumber).toBeNull();
      expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'label'] })]);
      expect(new Set(labels)).toEqual(new Set([target.label]));
      expect(cachedNodes().find((node) => node.id === target.id)!.label).toBe(target.label);
      expect(upstreamWrites()).toEqual([]);
    } finally {
      subscription.unsubscribe();
    }
  });
});

describe('assign, unassign and delete', () => {
  it('assign and unassign show on the cached list row through normalization, no refetch', async () => {
    const target = (await loadList()).find((node) => node.agent === null)!;
    const agent = stack.upstream.agents[0]!;
    const assigned = await assignAgentToPhoneNumber(client, { phoneNumberId: target.id, agentId: agent.id });
    expect(assigned.userErrors).toEqual([]);
    expect(cachedNodes().find((node) => node.id === target.id)!.agent).toEqual({
      __typename: 'Agent',
      id: agent.id,
      name: agent.name,
    });
    const unassigned = await unassignAgentFromPhoneNumber(client, { phoneNumberId: target.id });
    expect(unassigned.userErrors).toEqual([]);
    expect(cachedNodes().find((node) => node.id === target.id)!.agent).toBeNull();
    expect(await listRefetches()).toBe(0);
  });

  it('delete evicts deletedPhoneNumberId: gone from the cached list and the cache, a watcher sees it go', async () => {
    const before = await loadList();
    const target = before.find((node) => node.agent === null)!;
    const seen: string[][] = [];
    const subscription = client
      .watchQuery({ query: PhoneNumberListQuery, variables: LIST })
      .subscribe(({ data, dataState }) => {
        if (dataState === 'complete') seen.push(data.phoneNumbers.edges.map((edge) => edge.node.id));
      });
    try {
      const payload = await deletePhoneNumber(client, { id: target.id, clientMutationId: 'd-1' });
      expect(payload).toEqual({
        __typename: 'DeletePhoneNumberPayload',
        clientMutationId: 'd-1',
        deletedPhoneNumberId: target.id,
        userErrors: [],
      });
      const remaining = before.filter((node) => node.id !== target.id).map((node) => node.id);
      expect(cachedNodes().map((node) => node.id)).toEqual(remaining);
      expect(cachedEntity(target.id)).toBeUndefined();
      expect(seen.at(-1)).toEqual(remaining);
      expect(stack.upstream.records.some((record) => record.id === target.id)).toBe(false);
      expect(await listRefetches()).toBe(0);
    } finally {
      subscription.unsubscribe();
    }
  });

  it('deleting an assigned number is STILL_ASSIGNED: it stays cached', async () => {
    const before = await loadList();
    const target = before.find((node) => node.agent !== null)!;
    const payload = await deletePhoneNumber(client, { id: target.id });
    expect(payload.deletedPhoneNumberId).toBeNull();
    expect(payload.userErrors.map((error) => error.code)).toEqual(['STILL_ASSIGNED']);
    expect(cachedNodes()).toEqual(before);
    expect(cachedEntity(target.id)).toBeDefined();
  });
});
