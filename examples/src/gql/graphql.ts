/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Criteria for `Query.phoneNumbers`. Absent or empty criteria are ignored. */
export type PhoneNumberFilter = {
  /** Only numbers assigned to this agent. */
  agentId?: string | number | null | undefined;
  /** Only numbers linked to this provider (e.g. a Twilio account link). */
  providerId?: string | number | null | undefined;
  /** Matches the number, its label or its agent's name. */
  search?: string | null | undefined;
  /** Only numbers of this provider type. */
  type?: ProviderType | null | undefined;
};

/** Who provides the telephony for a phone number. */
export type ProviderType =
  /** A number managed by Cartesia (US numbers only). */
  | 'CARTESIA'
  /** A number from a linked Twilio account. */
  | 'TWILIO';

/** The Twilio region a number and its API key are configured for. */
export type TelephonyRegion =
  /** Australia. */
  | 'AU1'
  /** Ireland. */
  | 'IE1'
  /** United States. */
  | 'US1';

type ProviderBadge_CartesiaProvider_Fragment = { __typename: 'CartesiaProvider'; type: ProviderType } & {
  ' $fragmentName'?: 'ProviderBadge_CartesiaProvider_Fragment';
};

type ProviderBadge_TwilioProvider_Fragment = { __typename: 'TwilioProvider'; region: TelephonyRegion } & {
  ' $fragmentName'?: 'ProviderBadge_TwilioProvider_Fragment';
};

export type ProviderBadgeFragment = ProviderBadge_CartesiaProvider_Fragment | ProviderBadge_TwilioProvider_Fragment;

export type PhoneNumberListQueryVariables = Exact<{
  filter?: PhoneNumberFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;

export type PhoneNumberListQuery = {
  phoneNumbers: {
    edges: Array<{
      cursor: string;
      node: {
        id: string;
        label: string | null;
        number: string;
        agent: { id: string; name: string } | null;
        provider:
          | { ' $fragmentRefs'?: { ProviderBadge_CartesiaProvider_Fragment: ProviderBadge_CartesiaProvider_Fragment } }
          | { ' $fragmentRefs'?: { ProviderBadge_TwilioProvider_Fragment: ProviderBadge_TwilioProvider_Fragment } };
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type PhoneNumberDetailQueryVariables = Exact<{
  id: string | number;
}>;

export type PhoneNumberDetailQuery = {
  phoneNumber: {
    id: string;
    label: string | null;
    number: string;
    createdAt: string;
    updatedAt: string;
    agent: { id: string; name: string } | null;
    provider:
      | { ' $fragmentRefs'?: { ProviderBadge_CartesiaProvider_Fragment: ProviderBadge_CartesiaProvider_Fragment } }
      | ({ id: string; accountSid: string } & {
          ' $fragmentRefs'?: { ProviderBadge_TwilioProvider_Fragment: ProviderBadge_TwilioProvider_Fragment };
        });
  } | null;
};

export const ProviderBadgeFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ProviderBadge' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Provider' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          {
            kind: 'InlineFragment',
            typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TwilioProvider' } },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'Field', name: { kind: 'Name', value: 'region' } }],
            },
          },
          {
            kind: 'InlineFragment',
            typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'CartesiaProvider' } },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'Field', name: { kind: 'Name', value: 'type' } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ProviderBadgeFragment, unknown>;
export const PhoneNumberListDocument = {
  __meta__: { hash: 'sha256:93d1024382fcf38e97c90910d7450d69293e779c353aced23d66884c5444e92c' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PhoneNumberList' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'PhoneNumberFilter' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'phoneNumbers' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'cursor' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'number' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'agent' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                                ],
                              },
                            },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'provider' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'FragmentSpread', name: { kind: 'Name', value: 'ProviderBadge' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ProviderBadge' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Provider' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          {
            kind: 'InlineFragment',
            typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TwilioProvider' } },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'Field', name: { kind: 'Name', value: 'region' } }],
            },
          },
          {
            kind: 'InlineFragment',
            typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'CartesiaProvider' } },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'Field', name: { kind: 'Name', value: 'type' } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PhoneNumberListQuery, PhoneNumberListQueryVariables>;
export const PhoneNumberDetailDocument = {
  __meta__: { hash: 'sha256:8f75bc27b2305beb50811bcb7d81d7c89591fb7a9748650404e1ad44b1dd8602' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PhoneNumberDetail' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'phoneNumber' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                { kind: 'Field', name: { kind: 'Name', value: 'number' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'agent' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'provider' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'ProviderBadge' } },
                      {
                        kind: 'InlineFragment',
                        typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TwilioProvider' } },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'accountSid' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ProviderBadge' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Provider' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          {
            kind: 'InlineFragment',
            typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TwilioProvider' } },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'Field', name: { kind: 'Name', value: 'region' } }],
            },
          },
          {
            kind: 'InlineFragment',
            typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'CartesiaProvider' } },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'Field', name: { kind: 'Name', value: 'type' } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PhoneNumberDetailQuery, PhoneNumberDetailQueryVariables>;
