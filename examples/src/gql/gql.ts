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
};
const documents: Documents = {
  '\n  fragment ProviderBadge on Provider {\n    __typename\n    ... on TwilioProvider {\n      region\n    }\n    ... on CartesiaProvider {\n      type\n    }\n  }\n':
    types.ProviderBadgeFragmentDoc,
  '\n  query PhoneNumberList($filter: PhoneNumberFilter, $first: Int!, $after: String) {\n    phoneNumbers(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          label\n          number\n          agent {\n            id\n            name\n          }\n          provider {\n            ...ProviderBadge\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.PhoneNumberListDocument,
  '\n  query PhoneNumberDetail($id: ID!) {\n    phoneNumber(id: $id) {\n      id\n      label\n      number\n      agent {\n        id\n        name\n      }\n      provider {\n        ...ProviderBadge\n        ... on TwilioProvider {\n          id\n          accountSid\n        }\n      }\n      createdAt\n      updatedAt\n    }\n  }\n':
    types.PhoneNumberDetailDocument,
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

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;
