// Apollo Client 4 against the gateway: the cache configuration a phone-number
// screen needs and one function per mutation, each with typed variables
// (from codegen) and the cache update that keeps the screen current without
// a refetch. Normalization (PhoneNumber:<id>) already applies every payload
// that returns a number; the functions below handle what it cannot: a new
// number joining a list, a deleted one leaving it, and the optimistic relabel.
import { ApolloClient, HttpLink, InMemoryCache, type ApolloCache, type Reference } from '@apollo/client';
import type { KeyArgsFunction, StoreObject } from '@apollo/client/cache';
import { relayStylePagination } from '@apollo/client/utilities';
import generated from './gql/possible-types';
import type {
  AssignAgentToPhoneNumberInput,
  AssignAgentToPhoneNumberMutation,
  DeletePhoneNumberInput,
  DeletePhoneNumberMutation,
  ImportPhoneNumberInput,
  ImportPhoneNumberMutation,
  ProvisionPhoneNumberInput,
  ProvisionPhoneNumberMutation,
  RelabelPhoneNumberMutation,
  RelabelPhoneNumberMutationVariables,
  UnassignAgentFromPhoneNumberInput,
  UnassignAgentFromPhoneNumberMutation,
  UpdatePhoneNumberInput,
  UpdatePhoneNumberMutation,
} from './gql/graphql';
import {
  AssignAgentToPhoneNumberMutation as AssignAgentToPhoneNumberDocument,
  DeletePhoneNumberMutation as DeletePhoneNumberDocument,
  ImportPhoneNumberMutation as ImportPhoneNumberDocument,
  ProvisionPhoneNumberMutation as ProvisionPhoneNumberDocument,
  RelabelPhoneNumberMutation as RelabelPhoneNumberDocument,
  UnassignAgentFromPhoneNumberMutation as UnassignAgentFromPhoneNumberDocument,
  UpdatePhoneNumberMutation as UpdatePhoneNumberDocument,
} from './operations';

/**
 * Query.phoneNumbers is cached per filter; `first`/`after` only page it. The
 * unfiltered list is stored under the bare field name (a keyArgs function
 * returning false), so a cache update can tell it apart from filtered lists
 * without parsing Apollo's serialized arguments.
 */
const phoneNumbersKeyArgs: KeyArgsFunction = (args) => (args?.['filter'] ? ['filter'] : false);

export function createPhoneNumberCache(): InMemoryCache {
  return new InMemoryCache({
    // Generated from the schema: Provider is a union, and fragments on it
    // (ProviderBadge) only match its members when the cache knows them.
    possibleTypes: generated.possibleTypes,
    typePolicies: { Query: { fields: { phoneNumbers: relayStylePagination(phoneNumbersKeyArgs) } } },
  });
}

/**
 * A client for `endpoint` (e.g. https://gateway.example/graphql). Mutations
 * go by POST, as the gateway requires. Pass `cache` to keep a typed handle on it.
 */
export function createApolloClient(endpoint: string, cache: InMemoryCache = createPhoneNumberCache()): ApolloClient {
  return new ApolloClient({ link: new HttpLink({ uri: endpoint }), cache });
}

/**
 * User errors are data (`userErrors` in every payload); a top-level error
 * (the gateway's or Cartesia's failure, e.g. FORBIDDEN, UPSTREAM_TIMEOUT)
 * rejects the returned promise. Stated explicitly so `data` is typed as present.
 */
const REJECT_ON_ERRORS = { errorPolicy: 'none' } as const;

/** The edge a create payload returns: the same node fields as a PhoneNumberList row. */
type NewPhoneNumberEdge = NonNullable<ProvisionPhoneNumberMutation['provisionPhoneNumber']['phoneNumberEdge']>;
/** How relayStylePagination stores a connection: edges hold the node as a Reference (PhoneNumber:<id>). */
type StoredConnection = { edges: StoreObject[] };

/**
 * Puts a newly created number at the top of the cached unfiltered list (the
 * list is newest first, so that is where the gateway will list it too). A
 * filtered list may or may not include the new number, and only the server
 * knows, so those are dropped: a screen watching one reloads it.
 */
function addToPhoneNumberLists(cache: ApolloCache, edge: NewPhoneNumberEdge | null): void {
  // No edge: the payload carries user errors and nothing was created.
  if (!edge) return;
  cache.modify<{ phoneNumbers: StoredConnection }>({
    fields: {
      phoneNumbers(list, { fieldName, storeFieldName, toReference, readField, isReference, DELETE }) {
        if (storeFieldName !== fieldName) return DELETE;
        // The mutation result was written before `update` runs, so the node is in the cache.
        const node = toReference({ __typename: 'PhoneNumber', id: edge.node.id });
        if (!node || isReference(list)) return list;
        // An idempotent replay answers with a number the list may already show.
        if (list.edges.some((stored) => readField<Reference>('node', stored)?.__ref === node.__ref)) return list;
        return { ...list, edges: [{ __typename: 'PhoneNumberEdge', cursor: edge.cursor, node }, ...list.edges] };
      },
    },
  });
}

/** Removes a deleted number from the cache: every list that showed it, and the entity itself. */
function removeFromCache(cache: ApolloCache, deletedId: string | null): void {
  if (!deletedId) return;
  cache.evict({ id: cache.identify({ __typename: 'PhoneNumber', id: deletedId }) });
  // relayStylePagination's read skips edges whose node is gone; gc drops what only the number referenced.
  cache.gc();
}

/** Provisions a Cartesia number; on success it is first in the cached list. User errors come back in the payload. */
export async function provisionPhoneNumber(
  client: ApolloClient,
  input: ProvisionPhoneNumberInput,
): Promise<ProvisionPhoneNumberMutation['provisionPhoneNumber']> {
  const { data } = await client.mutate({
    ...REJECT_ON_ERRORS,
    mutation: ProvisionPhoneNumberDocument,
    variables: { input },
    update: (cache, { data }) => addToPhoneNumberLists(cache, data?.provisionPhoneNumber.phoneNumberEdge ?? null),
  });
  return data.provisionPhoneNumber;
}

/** Imports a number from a linked Twilio account; on success it is first in the cached list. */
export async function importPhoneNumber(
  client: ApolloClient,
  input: ImportPhoneNumberInput,
): Promise<ImportPhoneNumberMutation['importPhoneNumber']> {
  const { data } = await client.mutate({
    ...REJECT_ON_ERRORS,
    mutation: ImportPhoneNumberDocument,
    variables: { input },
    update: (cache, { data }) => addToPhoneNumberLists(cache, data?.importPhoneNumber.phoneNumberEdge ?? null),
  });
  return data.importPhoneNumber;
}

/** Changes a label and/or provider. The returned number updates PhoneNumber:<id> in place: nothing else to do. */
export async function updatePhoneNumber(
  client: ApolloClient,
  input: UpdatePhoneNumberInput,
): Promise<UpdatePhoneNumberMutation['updatePhoneNumber']> {
  const { data } = await client.mutate({
    ...REJECT_ON_ERRORS,
    mutation: UpdatePhoneNumberDocument,
    variables: { input },
  });
  return data.updatePhoneNumber;
}

/**
 * What the relabel will most likely answer, or undefined when the gateway is
 * sure to refuse it (it trims labels and refuses an empty one; showing "" for
 * an instant would only flicker).
 */
function optimisticRelabel({
  id,
  label,
  clientMutationId,
}: RelabelPhoneNumberMutationVariables): RelabelPhoneNumberMutation | undefined {
  const trimmed = label.trim();
  if (trimmed === '') return undefined;
  return {
    updatePhoneNumber: {
      clientMutationId: clientMutationId ?? null,
      // updatedAt: the client's guess that the write happens now; the server's stamp replaces it.
      phoneNumber: { __typename: 'PhoneNumber', id: String(id), label: trimmed, updatedAt: new Date().toISOString() },
      userErrors: [],
    },
  };
}

/**
 * Relabels a number optimistically: every view of it shows the new label at
 * once, and the server's answer replaces the guess when it arrives (on a user
 * error or a failure, the old label comes back).
 */
export async function relabelPhoneNumber(
  client: ApolloClient,
  variables: RelabelPhoneNumberMutationVariables,
): Promise<RelabelPhoneNumberMutation['updatePhoneNumber']> {
  const { data } = await client.mutate({
    ...REJECT_ON_ERRORS,
    mutation: RelabelPhoneNumberDocument,
    variables,
    optimisticResponse: optimisticRelabel(variables),
  });
  return data.updatePhoneNumber;
}

/** Routes a number's inbound calls to an agent; the cached number shows the agent from the payload. */
export async function assignAgentToPhoneNumber(
  client: ApolloClient,
  input: AssignAgentToPhoneNumberInput,
): Promise<AssignAgentToPhoneNumberMutation['assignAgentToPhoneNumber']> {
  const { data } = await client.mutate({
    ...REJECT_ON_ERRORS,
    mutation: AssignAgentToPhoneNumberDocument,
    variables: { input },
  });
  return data.assignAgentToPhoneNumber;
}

/** Stops routing a number's inbound calls to its agent; the cached number's agent becomes null. */
export async function unassignAgentFromPhoneNumber(
  client: ApolloClient,
  input: UnassignAgentFromPhoneNumberInput,
): Promise<UnassignAgentFromPhoneNumberMutation['unassignAgentFromPhoneNumber']> {
  const { data } = await client.mutate({
    ...REJECT_ON_ERRORS,
    mutation: UnassignAgentFromPhoneNumberDocument,
    variables: { input },
  });
  return data.unassignAgentFromPhoneNumber;
}

/** Deletes a number; on success it is gone from the cache and from every cached list. */
export async function deletePhoneNumber(
  client: ApolloClient,
  input: DeletePhoneNumberInput,
): Promise<DeletePhoneNumberMutation['deletePhoneNumber']> {
  const { data } = await client.mutate({
    ...REJECT_ON_ERRORS,
    mutation: DeletePhoneNumberDocument,
    variables: { input },
    update: (cache, { data }) => removeFromCache(cache, data?.deletePhoneNumber.deletedPhoneNumberId ?? null),
  });
  return data.deletePhoneNumber;
}
