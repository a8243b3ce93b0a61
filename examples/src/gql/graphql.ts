/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A number and the agent to answer it. */
export type AssignAgentToPhoneNumberInput = {
  /** The agent's ID. */
  agentId: string | number;
  /** Echoed back in the payload. */
  clientMutationId?: string | null | undefined;
  /** The number's ID. */
  phoneNumberId: string | number;
};

/** A number to delete. */
export type DeletePhoneNumberInput = {
  /** Echoed back in the payload. */
  clientMutationId?: string | null | undefined;
  /** The number's ID. */
  id: string | number;
};

/** A number to import from a linked provider account. */
export type ImportPhoneNumberInput = {
  /** An agent to answer inbound calls to the number. */
  agentId?: string | number | null | undefined;
  /** Echoed back in the payload. */
  clientMutationId?: string | null | undefined;
  /** As for provisionPhoneNumber. */
  idempotencyKey?: string | null | undefined;
  /** A human-readable name: 1 to 255 characters after trimming. */
  label: string;
  /** E.164, e.g. +14155551234. */
  number: string;
  /** An existing provider. Give exactly one of providerId and twilioAccount. */
  providerId?: string | number | null | undefined;
  /** A linked Twilio account to find the provider by. */
  twilioAccount?: TwilioAccountInput | null | undefined;
};

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

/** Why a mutation did not change anything. */
export type PhoneNumberUserErrorCode =
  /** No agent has this ID. */
  | 'AGENT_NOT_FOUND'
  /** The number is already imported. */
  | 'ALREADY_IMPORTED'
  /** This idempotencyKey was used before with a different input. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** A field breaks a rule (empty or overlong label, a number not in E.164, both or neither of providerId and twilioAccount). */
  | 'INVALID'
  /** No phone number has this ID. */
  | 'PHONE_NUMBER_NOT_FOUND'
  /** No provisioning slot is left this month. */
  | 'PLAN_LIMIT_REACHED'
  /** No provider has this ID, or no linked Twilio account matches. */
  | 'PROVIDER_NOT_FOUND'
  /** The provider refused, e.g. the number is not in that Twilio account. */
  | 'PROVIDER_REJECTED'
  /** Deleting needs the agent unassigned first. */
  | 'STILL_ASSIGNED';

/** Who provides the telephony for a phone number. */
export type ProviderType =
  /** A number managed by Cartesia (US numbers only). */
  | 'CARTESIA'
  /** A number from a linked Twilio account. */
  | 'TWILIO';

/** A new Cartesia-managed number. */
export type ProvisionPhoneNumberInput = {
  /** An agent to answer inbound calls; without one the number is outbound-only. */
  agentId?: string | number | null | undefined;
  /** Echoed back in the payload. */
  clientMutationId?: string | null | undefined;
  /**
   * Makes a retry safe: the same key with the same input, from the same client,
   * within 24 hours, returns the first answer and provisions nothing more.
   * 1 to 255 characters.
   */
  idempotencyKey?: string | null | undefined;
  /** A human-readable name: 1 to 255 characters after trimming. */
  label: string;
};

/** The Twilio region a number and its API key are configured for. */
export type TelephonyRegion =
  /** Australia. */
  | 'AU1'
  /** Ireland. */
  | 'IE1'
  /** United States. */
  | 'US1';

/** A linked Twilio account, by its SID and region. */
export type TwilioAccountInput = {
  /** The Twilio account SID (`AC` and 32 hex digits). */
  accountSid: string;
  /** The region the account is configured for. */
  region: TelephonyRegion;
};

/** A number whose agent is to be removed. */
export type UnassignAgentFromPhoneNumberInput = {
  /** Echoed back in the payload. */
  clientMutationId?: string | null | undefined;
  /** The number's ID. */
  phoneNumberId: string | number;
};

/** The fields of a number to change. */
export type UpdatePhoneNumberInput = {
  /** Echoed back in the payload. */
  clientMutationId?: string | null | undefined;
  /** The number's ID. */
  id: string | number;
  /** A new label; absent keeps the current one. */
  label?: string | null | undefined;
  /** Move the number to another provider of the same type; absent keeps it. */
  providerId?: string | number | null | undefined;
};

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

export type AgentListQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  search?: string | null | undefined;
}>;

export type AgentListQuery = {
  agents: {
    edges: Array<{ cursor: string; node: { id: string; name: string; description: string | null } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type ProvisioningUsageQueryVariables = Exact<{ [key: string]: never }>;

export type ProvisioningUsageQuery = {
  phoneNumberProvisioningUsage: { monthlyUsage: number; monthlyLimit: number; remaining: number };
};

export type ProvisionPhoneNumberMutationVariables = Exact<{
  input: ProvisionPhoneNumberInput;
}>;

export type ProvisionPhoneNumberMutation = {
  provisionPhoneNumber: {
    clientMutationId: string | null;
    phoneNumberEdge: {
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
    } | null;
    userErrors: Array<{ code: PhoneNumberUserErrorCode; field: Array<string> | null; message: string }>;
  };
};

export type ImportPhoneNumberMutationVariables = Exact<{
  input: ImportPhoneNumberInput;
}>;

export type ImportPhoneNumberMutation = {
  importPhoneNumber: {
    clientMutationId: string | null;
    phoneNumberEdge: {
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
    } | null;
    userErrors: Array<{ code: PhoneNumberUserErrorCode; field: Array<string> | null; message: string }>;
  };
};

export type UpdatePhoneNumberMutationVariables = Exact<{
  input: UpdatePhoneNumberInput;
}>;

export type UpdatePhoneNumberMutation = {
  updatePhoneNumber: {
    clientMutationId: string | null;
    phoneNumber: {
      id: string;
      label: string | null;
      updatedAt: string;
      provider:
        | { ' $fragmentRefs'?: { ProviderBadge_CartesiaProvider_Fragment: ProviderBadge_CartesiaProvider_Fragment } }
        | ({ id: string } & {
            ' $fragmentRefs'?: { ProviderBadge_TwilioProvider_Fragment: ProviderBadge_TwilioProvider_Fragment };
          });
    } | null;
    userErrors: Array<{ code: PhoneNumberUserErrorCode; field: Array<string> | null; message: string }>;
  };
};

export type RelabelPhoneNumberMutationVariables = Exact<{
  id: string | number;
  label: string;
  clientMutationId?: string | null | undefined;
}>;

export type RelabelPhoneNumberMutation = {
  updatePhoneNumber: {
    clientMutationId: string | null;
    phoneNumber: { __typename: 'PhoneNumber'; id: string; label: string | null; updatedAt: string } | null;
    userErrors: Array<{ code: PhoneNumberUserErrorCode; field: Array<string> | null; message: string }>;
  };
};

export type AssignAgentToPhoneNumberMutationVariables = Exact<{
  input: AssignAgentToPhoneNumberInput;
}>;

export type AssignAgentToPhoneNumberMutation = {
  assignAgentToPhoneNumber: {
    clientMutationId: string | null;
    phoneNumber: { id: string; updatedAt: string; agent: { id: string; name: string } | null } | null;
    userErrors: Array<{ code: PhoneNumberUserErrorCode; field: Array<string> | null; message: string }>;
  };
};

export type UnassignAgentFromPhoneNumberMutationVariables = Exact<{
  input: UnassignAgentFromPhoneNumberInput;
}>;

export type UnassignAgentFromPhoneNumberMutation = {
  unassignAgentFromPhoneNumber: {
    clientMutationId: string | null;
    phoneNumber: { id: string; updatedAt: string; agent: { id: string; name: string } | null } | null;
    userErrors: Array<{ code: PhoneNumberUserErrorCode; field: Array<string> | null; message: string }>;
  };
};

export type DeletePhoneNumberMutationVariables = Exact<{
  input: DeletePhoneNumberInput;
}>;

export type DeletePhoneNumberMutation = {
  deletePhoneNumber: {
    clientMutationId: string | null;
    deletedPhoneNumberId: string | null;
    userErrors: Array<{ code: PhoneNumberUserErrorCode; field: Array<string> | null; message: string }>;
  };
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
export const AgentListDocument = {
  __meta__: { hash: 'sha256:c4da6f868f75c679981232b3af06a4c080c7c223adafbb21403038c4030fef46' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AgentList' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'search' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'agents' },
            arguments: [
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
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'search' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'search' } },
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
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'description' } },
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
  ],
} as unknown as DocumentNode<AgentListQuery, AgentListQueryVariables>;
export const ProvisioningUsageDocument = {
  __meta__: { hash: 'sha256:bce71f212be565e76da80a19f68855c3fd106ea4f8907661f7cfbc0a023cadfa' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ProvisioningUsage' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'phoneNumberProvisioningUsage' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'monthlyUsage' } },
                { kind: 'Field', name: { kind: 'Name', value: 'monthlyLimit' } },
                { kind: 'Field', name: { kind: 'Name', value: 'remaining' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ProvisioningUsageQuery, ProvisioningUsageQueryVariables>;
export const ProvisionPhoneNumberDocument = {
  __meta__: { hash: 'sha256:c782b36929e86b9e19bacdbf258b4961e997418fe51d4fbc84e83731bb3dd780' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ProvisionPhoneNumber' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ProvisionPhoneNumberInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'provisionPhoneNumber' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'clientMutationId' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'phoneNumberEdge' },
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
                  name: { kind: 'Name', value: 'userErrors' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'field' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
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
} as unknown as DocumentNode<ProvisionPhoneNumberMutation, ProvisionPhoneNumberMutationVariables>;
export const ImportPhoneNumberDocument = {
  __meta__: { hash: 'sha256:fd83e7948d54be0ba6e7d93544674043390509863d5bb84ba0ae05e2392c0cca' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ImportPhoneNumber' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ImportPhoneNumberInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'importPhoneNumber' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'clientMutationId' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'phoneNumberEdge' },
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
                  name: { kind: 'Name', value: 'userErrors' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'field' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
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
} as unknown as DocumentNode<ImportPhoneNumberMutation, ImportPhoneNumberMutationVariables>;
export const UpdatePhoneNumberDocument = {
  __meta__: { hash: 'sha256:53892885f6323db596da5e22b29faafd234f82a469dfe2d3fa6f94c1c4df1d9f' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdatePhoneNumber' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdatePhoneNumberInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updatePhoneNumber' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'clientMutationId' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'phoneNumber' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'label' } },
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
                                selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
                              },
                            },
                          ],
                        },
                      },
                      { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'userErrors' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'field' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
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
} as unknown as DocumentNode<UpdatePhoneNumberMutation, UpdatePhoneNumberMutationVariables>;
export const RelabelPhoneNumberDocument = {
  __meta__: { hash: 'sha256:39a45fa90a6fd3986feb4c3d7dd60b3e300aeae5fc1934b92ac32a40e5242d28' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RelabelPhoneNumber' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'label' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'clientMutationId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updatePhoneNumber' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: {
                  kind: 'ObjectValue',
                  fields: [
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'id' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
                    },
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'label' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'label' } },
                    },
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'clientMutationId' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'clientMutationId' } },
                    },
                  ],
                },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'clientMutationId' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'phoneNumber' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'userErrors' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'field' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RelabelPhoneNumberMutation, RelabelPhoneNumberMutationVariables>;
export const AssignAgentToPhoneNumberDocument = {
  __meta__: { hash: 'sha256:5b453bb43b3ee52bb99d2320d4ac7f035d7ef64db0a4b894595265d29a2e3eed' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AssignAgentToPhoneNumber' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'AssignAgentToPhoneNumberInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'assignAgentToPhoneNumber' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'clientMutationId' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'phoneNumber' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
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
                      { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'userErrors' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'field' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AssignAgentToPhoneNumberMutation, AssignAgentToPhoneNumberMutationVariables>;
export const UnassignAgentFromPhoneNumberDocument = {
  __meta__: { hash: 'sha256:78802300b497443725815297bcac319e542e9f75e326220261abc0a5dc07689a' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UnassignAgentFromPhoneNumber' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'UnassignAgentFromPhoneNumberInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'unassignAgentFromPhoneNumber' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'clientMutationId' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'phoneNumber' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
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
                      { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'userErrors' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'field' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UnassignAgentFromPhoneNumberMutation, UnassignAgentFromPhoneNumberMutationVariables>;
export const DeletePhoneNumberDocument = {
  __meta__: { hash: 'sha256:c561e17bebb92e79bfbd7d97e8a2037849e488a5f6d4dcc15531f49afffd0902' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DeletePhoneNumber' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'DeletePhoneNumberInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deletePhoneNumber' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'clientMutationId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'deletedPhoneNumberId' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'userErrors' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'field' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeletePhoneNumberMutation, DeletePhoneNumberMutationVariables>;
