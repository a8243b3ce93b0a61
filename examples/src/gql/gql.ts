/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  '\n  fragment ProviderBadge on Provider {\n    __typename\n    ... on TwilioProvider {\n      region\n    }\n    ... on CartesiaProvider {\n      type\n    }\n  }\n': typeof types.ProviderBadgeFragmentDoc;
  '\n  query PhoneNumberList($filter: PhoneNumberFilter, $first: Int!, $after: String) {\n    phoneNumbers(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          label\n          number\n          agent {\n            id\n            name\n          }\n          provider {\n            ...ProviderBadge\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.PhoneNumberListDocument;
  '\n  query PhoneNumberDetail($id: ID!) {\n    phoneNumber(id: $id) {\n      id\n      label\n      number\n      agent {\n        id\n        name\n      }\n      provider {\n        ...ProviderBadge\n        ... on TwilioProvider {\n          id\n          accountSid\n        }\n      }\n      createdAt\n      updatedAt\n    }\n  }\n': typeof types.PhoneNumberDetailDocument;
  '\n  query AgentList($first: Int, $after: String, $search: String) {\n    agents(first: $first, after: $after, search: $search) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          description\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.AgentListDocument;
  '\n  query ProvisioningUsage {\n    phoneNumberProvisioningUsage {\n      monthlyUsage\n      monthlyLimit\n      remaining\n    }\n  }\n': typeof types.ProvisioningUsageDocument;
  '\n  mutation ProvisionPhoneNumber($input: ProvisionPhoneNumberInput!) {\n    provisionPhoneNumber(input: $input) {\n      clientMutationId\n      phoneNumberEdge {\n        cursor\n        node {\n          id\n          label\n          number\n          agent {\n            id\n            name\n          }\n          provider {\n            ...ProviderBadge\n          }\n        }\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n': typeof types.ProvisionPhoneNumberDocument;
  '\n  mutation ImportPhoneNumber($input: ImportPhoneNumberInput!) {\n    importPhoneNumber(input: $input) {\n      clientMutationId\n      phoneNumberEdge {\n        cursor\n        node {\n          id\n          label\n          number\n          agent {\n            id\n            name\n          }\n          provider {\n            ...ProviderBadge\n          }\n        }\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n': typeof types.ImportPhoneNumberDocument;
  '\n  mutation UpdatePhoneNumber($input: UpdatePhoneNumberInput!) {\n    updatePhoneNumber(input: $input) {\n      clientMutationId\n      phoneNumber {\n        id\n        label\n        provider {\n          ...ProviderBadge\n          ... on TwilioProvider {\n            id\n          }\n        }\n        updatedAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n': typeof types.UpdatePhoneNumberDocument;
  '\n  mutation RelabelPhoneNumber($id: ID!, $label: String!, $clientMutationId: String) {\n    updatePhoneNumber(input: { id: $id, label: $label, clientMutationId: $clientMutationId }) {\n      clientMutationId\n      phoneNumber {\n        # Selected so the typed optimistic response carries it: the cache\n        # normalizes PhoneNumber:<id> by __typename and id.\n        __typename\n        id\n        label\n        updatedAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n': typeof types.RelabelPhoneNumberDocument;
  '\n  mutation AssignAgentToPhoneNumber($input: AssignAgentToPhoneNumberInput!) {\n    assignAgentToPhoneNumber(input: $input) {\n      clientMutationId\n      phoneNumber {\n        id\n        agent {\n          id\n          name\n        }\n        updatedAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n': typeof types.AssignAgentToPhoneNumberDocument;
  '\n  mutation UnassignAgentFromPhoneNumber($input: UnassignAgentFromPhoneNumberInput!) {\n    unassignAgentFromPhoneNumber(input: $input) {\n      clientMutationId\n      phoneNumber {\n        id\n        agent {\n          id\n          name\n        }\n        updatedAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n': typeof types.UnassignAgentFromPhoneNumberDocument;
  '\n  mutation DeletePhoneNumber($input: DeletePhoneNumberInput!) {\n    deletePhoneNumber(input: $input) {\n      clientMutationId\n      deletedPhoneNumberId\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n': typeof types.DeletePhoneNumberDocument;
};
const documents: Documents = {
  '\n  fragment ProviderBadge on Provider {\n    __typename\n    ... on TwilioProvider {\n      region\n    }\n    ... on CartesiaProvider {\n      type\n    }\n  }\n':
    types.ProviderBadgeFragmentDoc,
  '\n  query PhoneNumberList($filter: PhoneNumberFilter, $first: Int!, $after: String) {\n    phoneNumbers(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          label\n          number\n          agent {\n            id\n            name\n          }\n          provider {\n            ...ProviderBadge\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.PhoneNumberListDocument,
  '\n  query PhoneNumberDetail($id: ID!) {\n    phoneNumber(id: $id) {\n      id\n      label\n      number\n      agent {\n        id\n        name\n      }\n      provider {\n        ...ProviderBadge\n        ... on TwilioProvider {\n          id\n          accountSid\n        }\n      }\n      createdAt\n      updatedAt\n    }\n  }\n':
    types.PhoneNumberDetailDocument,
  '\n  query AgentList($first: Int, $after: String, $search: String) {\n    agents(first: $first, after: $after, search: $search) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          description\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.AgentListDocument,
  '\n  query ProvisioningUsage {\n    phoneNumberProvisioningUsage {\n      monthlyUsage\n      monthlyLimit\n      remaining\n    }\n  }\n':
    types.ProvisioningUsageDocument,
  '\n  mutation ProvisionPhoneNumber($input: ProvisionPhoneNumberInput!) {\n    provisionPhoneNumber(input: $input) {\n      clientMutationId\n      phoneNumberEdge {\n        cursor\n        node {\n          id\n          label\n          number\n          agent {\n            id\n            name\n          }\n          provider {\n            ...ProviderBadge\n          }\n        }\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n':
    types.ProvisionPhoneNumberDocument,
  '\n  mutation ImportPhoneNumber($input: ImportPhoneNumberInput!) {\n    importPhoneNumber(input: $input) {\n      clientMutationId\n      phoneNumberEdge {\n        cursor\n        node {\n          id\n          label\n          number\n          agent {\n            id\n            name\n          }\n          provider {\n            ...ProviderBadge\n          }\n        }\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n':
    types.ImportPhoneNumberDocument,
  '\n  mutation UpdatePhoneNumber($input: UpdatePhoneNumberInput!) {\n    updatePhoneNumber(input: $input) {\n      clientMutationId\n      phoneNumber {\n        id\n        label\n        provider {\n          ...ProviderBadge\n          ... on TwilioProvider {\n            id\n          }\n        }\n        updatedAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n':
    types.UpdatePhoneNumberDocument,
  '\n  mutation RelabelPhoneNumber($id: ID!, $label: String!, $clientMutationId: String) {\n    updatePhoneNumber(input: { id: $id, label: $label, clientMutationId: $clientMutationId }) {\n      clientMutationId\n      phoneNumber {\n        # Selected so the typed optimistic response carries it: the cache\n        # normalizes PhoneNumber:<id> by __typename and id.\n        __typename\n        id\n        label\n        updatedAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n':
    types.RelabelPhoneNumberDocument,
  '\n  mutation AssignAgentToPhoneNumber($input: AssignAgentToPhoneNumberInput!) {\n    assignAgentToPhoneNumber(input: $input) {\n      clientMutationId\n      phoneNumber {\n        id\n        agent {\n          id\n          name\n        }\n        updatedAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n':
    types.AssignAgentToPhoneNumberDocument,
  '\n  mutation UnassignAgentFromPhoneNumber($input: UnassignAgentFromPhoneNumberInput!) {\n    unassignAgentFromPhoneNumber(input: $input) {\n      clientMutationId\n      phoneNumber {\n        id\n        agent {\n          id\n          name\n        }\n        updatedAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n':
    types.UnassignAgentFromPhoneNumberDocument,
  '\n  mutation DeletePhoneNumber($input: DeletePhoneNumberInput!) {\n    deletePhoneNumber(input: $input) {\n      clientMutationId\n      deletedPhoneNumberId\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n':
    types.DeletePhoneNumberDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment ProviderBadge on Provider {\n    __typename\n    ... on TwilioProvider {\n      region\n    }\n    ... on CartesiaProvider {\n      type\n    }\n  }\n',
): (typeof documents)['\n  fragment ProviderBadge on Provider {\n    __typename\n    ... on TwilioProvider {\n      region\n    }\n    ... on CartesiaProvider {\n      type\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PhoneNumberList($filter: PhoneNumberFilter, $first: Int!, $after: String) {\n    phoneNumbers(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          label\n          number\n          agent {\n            id\n            name\n          }\n          provider {\n            ...ProviderBadge\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query PhoneNumberList($filter: PhoneNumberFilter, $first: Int!, $after: String) {\n    phoneNumbers(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          label\n          number\n          agent {\n            id\n            name\n          }\n          provider {\n            ...ProviderBadge\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PhoneNumberDetail($id: ID!) {\n    phoneNumber(id: $id) {\n      id\n      label\n      number\n      agent {\n        id\n        name\n      }\n      provider {\n        ...ProviderBadge\n        ... on TwilioProvider {\n          id\n          accountSid\n        }\n      }\n      createdAt\n      updatedAt\n    }\n  }\n',
): (typeof documents)['\n  query PhoneNumberDetail($id: ID!) {\n    phoneNumber(id: $id) {\n      id\n      label\n      number\n      agent {\n        id\n        name\n      }\n      provider {\n        ...ProviderBadge\n        ... on TwilioProvider {\n          id\n          accountSid\n        }\n      }\n      createdAt\n      updatedAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AgentList($first: Int, $after: String, $search: String) {\n    agents(first: $first, after: $after, search: $search) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          description\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AgentList($first: Int, $after: String, $search: String) {\n    agents(first: $first, after: $after, search: $search) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          description\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ProvisioningUsage {\n    phoneNumberProvisioningUsage {\n      monthlyUsage\n      monthlyLimit\n      remaining\n    }\n  }\n',
): (typeof documents)['\n  query ProvisioningUsage {\n    phoneNumberProvisioningUsage {\n      monthlyUsage\n      monthlyLimit\n      remaining\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ProvisionPhoneNumber($input: ProvisionPhoneNumberInput!) {\n    provisionPhoneNumber(input: $input) {\n      clientMutationId\n      phoneNumberEdge {\n        cursor\n        node {\n          id\n          label\n          number\n          agent {\n            id\n            name\n          }\n          provider {\n            ...ProviderBadge\n          }\n        }\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ProvisionPhoneNumber($input: ProvisionPhoneNumberInput!) {\n    provisionPhoneNumber(input: $input) {\n      clientMutationId\n      phoneNumberEdge {\n        cursor\n        node {\n          id\n          label\n          number\n          agent {\n            id\n            name\n          }\n          provider {\n            ...ProviderBadge\n          }\n        }\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ImportPhoneNumber($input: ImportPhoneNumberInput!) {\n    importPhoneNumber(input: $input) {\n      clientMutationId\n      phoneNumberEdge {\n        cursor\n        node {\n          id\n          label\n          number\n          agent {\n            id\n            name\n          }\n          provider {\n            ...ProviderBadge\n          }\n        }\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ImportPhoneNumber($input: ImportPhoneNumberInput!) {\n    importPhoneNumber(input: $input) {\n      clientMutationId\n      phoneNumberEdge {\n        cursor\n        node {\n          id\n          label\n          number\n          agent {\n            id\n            name\n          }\n          provider {\n            ...ProviderBadge\n          }\n        }\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdatePhoneNumber($input: UpdatePhoneNumberInput!) {\n    updatePhoneNumber(input: $input) {\n      clientMutationId\n      phoneNumber {\n        id\n        label\n        provider {\n          ...ProviderBadge\n          ... on TwilioProvider {\n            id\n          }\n        }\n        updatedAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdatePhoneNumber($input: UpdatePhoneNumberInput!) {\n    updatePhoneNumber(input: $input) {\n      clientMutationId\n      phoneNumber {\n        id\n        label\n        provider {\n          ...ProviderBadge\n          ... on TwilioProvider {\n            id\n          }\n        }\n        updatedAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RelabelPhoneNumber($id: ID!, $label: String!, $clientMutationId: String) {\n    updatePhoneNumber(input: { id: $id, label: $label, clientMutationId: $clientMutationId }) {\n      clientMutationId\n      phoneNumber {\n        # Selected so the typed optimistic response carries it: the cache\n        # normalizes PhoneNumber:<id> by __typename and id.\n        __typename\n        id\n        label\n        updatedAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation RelabelPhoneNumber($id: ID!, $label: String!, $clientMutationId: String) {\n    updatePhoneNumber(input: { id: $id, label: $label, clientMutationId: $clientMutationId }) {\n      clientMutationId\n      phoneNumber {\n        # Selected so the typed optimistic response carries it: the cache\n        # normalizes PhoneNumber:<id> by __typename and id.\n        __typename\n        id\n        label\n        updatedAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AssignAgentToPhoneNumber($input: AssignAgentToPhoneNumberInput!) {\n    assignAgentToPhoneNumber(input: $input) {\n      clientMutationId\n      phoneNumber {\n        id\n        agent {\n          id\n          name\n        }\n        updatedAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation AssignAgentToPhoneNumber($input: AssignAgentToPhoneNumberInput!) {\n    assignAgentToPhoneNumber(input: $input) {\n      clientMutationId\n      phoneNumber {\n        id\n        agent {\n          id\n          name\n        }\n        updatedAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UnassignAgentFromPhoneNumber($input: UnassignAgentFromPhoneNumberInput!) {\n    unassignAgentFromPhoneNumber(input: $input) {\n      clientMutationId\n      phoneNumber {\n        id\n        agent {\n          id\n          name\n        }\n        updatedAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation UnassignAgentFromPhoneNumber($input: UnassignAgentFromPhoneNumberInput!) {\n    unassignAgentFromPhoneNumber(input: $input) {\n      clientMutationId\n      phoneNumber {\n        id\n        agent {\n          id\n          name\n        }\n        updatedAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DeletePhoneNumber($input: DeletePhoneNumberInput!) {\n    deletePhoneNumber(input: $input) {\n      clientMutationId\n      deletedPhoneNumberId\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation DeletePhoneNumber($input: DeletePhoneNumberInput!) {\n    deletePhoneNumber(input: $input) {\n      clientMutationId\n      deletedPhoneNumberId\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n'];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;
