import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type {
  PhoneNumberRecord,
  AgentModel,
  ProvisioningUsageRecord,
  TwilioProviderRecord,
  CartesiaProviderRecord,
} from '../cartesia/types';
import type { AgentConnectionModel } from '../graphql/relay/agent-connection';
import type { PhoneNumberConnectionModel, PhoneNumberEdgeModel } from '../graphql/relay/connection';
import type { GatewayContext } from '../graphql/context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string };
  String: { input: string; output: string };
  Boolean: { input: boolean; output: boolean };
  Int: { input: number; output: number };
  Float: { input: number; output: number };
  /** An ISO-8601 timestamp in UTC, e.g. 2026-03-01T00:00:00Z. */
  DateTime: { input: string; output: string };
};

/**
 * A voice agent. On a phone number it carries its id and name; the other
 * fields come from the agents list (one fetch per request, shared briefly).
 * A Node: `node(id)` resolves agent IDs (`agent_...`).
 */
export type Agent = Node & {
  readonly __typename?: 'Agent';
  /** When the agent was created; null when Cartesia does not say. */
  readonly createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** The agent's description, when it has one. */
  readonly description?: Maybe<Scalars['String']['output']>;
  /** The agent's ID. */
  readonly id: Scalars['ID']['output'];
  /** The agent's display name. */
  readonly name: Scalars['String']['output'];
  /**
   * The numbers whose inbound calls this agent answers, newest first (the
   * `phoneNumbers` list with `filter.agentId` set to this agent).
   */
  readonly phoneNumbers: PhoneNumberConnection;
  /** When the agent was last changed; null when Cartesia does not say. */
  readonly updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

/**
 * A voice agent. On a phone number it carries its id and name; the other
 * fields come from the agents list (one fetch per request, shared briefly).
 * A Node: `node(id)` resolves agent IDs (`agent_...`).
 */
export type AgentPhoneNumbersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of agents (Relay connection), ordered by name. */
export type AgentConnection = {
  readonly __typename?: 'AgentConnection';
  /** The agents on this page with their cursors. */
  readonly edges: ReadonlyArray<AgentEdge>;
  /** The agents on this page, without cursors. */
  readonly nodes: ReadonlyArray<Agent>;
  /** Where this page sits in the whole list. */
  readonly pageInfo: PageInfo;
};

/** An agent on a page, with the cursor that marks its place. */
export type AgentEdge = {
  readonly __typename?: 'AgentEdge';
  /** An opaque cursor for `after`. */
  readonly cursor: Scalars['String']['output'];
  /** The agent. */
  readonly node: Agent;
};

/** A number and the agent to answer it. */
export type AssignAgentToPhoneNumberInput = {
  /** The agent's ID. */
  readonly agentId: Scalars['ID']['input'];
  /** Echoed back in the payload. */
  readonly clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The number's ID. */
  readonly phoneNumberId: Scalars['ID']['input'];
};

/** What assignAgentToPhoneNumber did. */
export type AssignAgentToPhoneNumberPayload = {
  readonly __typename?: 'AssignAgentToPhoneNumberPayload';
  /** The input's clientMutationId. */
  readonly clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The number as it is now; null when userErrors is not empty. */
  readonly phoneNumber?: Maybe<PhoneNumber>;
  /** What the person at the keyboard can fix; empty on success. */
  readonly userErrors: ReadonlyArray<PhoneNumberUserError>;
};

/**
 * Whether a cached response may be shared between users (`PUBLIC`) or only kept
 * by the requesting client (`PRIVATE`).
 */
export type CacheControlScope =
  /** Only the requesting client may store the response. */
  | 'PRIVATE'
  /** Any cache (browser, CDN, proxy) may store and share the response. */
  | 'PUBLIC';

/** A Cartesia-managed provider. */
export type CartesiaProvider = {
  readonly __typename?: 'CartesiaProvider';
  /** Always `CARTESIA`. */
  readonly type: ProviderType;
};

/** A number to delete. */
export type DeletePhoneNumberInput = {
  /** Echoed back in the payload. */
  readonly clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The number's ID. */
  readonly id: Scalars['ID']['input'];
};

/** What deletePhoneNumber did. */
export type DeletePhoneNumberPayload = {
  readonly __typename?: 'DeletePhoneNumberPayload';
  /** The input's clientMutationId. */
  readonly clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The deleted number's ID (Relay @deleteRecord); null when userErrors is not empty. */
  readonly deletedPhoneNumberId?: Maybe<Scalars['ID']['output']>;
  /** What the person at the keyboard can fix; empty on success. */
  readonly userErrors: ReadonlyArray<PhoneNumberUserError>;
};

/** A number to import from a linked provider account. */
export type ImportPhoneNumberInput = {
  /** An agent to answer inbound calls to the number. */
  readonly agentId?: InputMaybe<Scalars['ID']['input']>;
  /** Echoed back in the payload. */
  readonly clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** As for provisionPhoneNumber. */
  readonly idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** A human-readable name: 1 to 255 characters after trimming. */
  readonly label: Scalars['String']['input'];
  /** E.164, e.g. +14155551234. */
  readonly number: Scalars['String']['input'];
  /** An existing provider. Give exactly one of providerId and twilioAccount. */
  readonly providerId?: InputMaybe<Scalars['ID']['input']>;
  /** A linked Twilio account to find the provider by. */
  readonly twilioAccount?: InputMaybe<TwilioAccountInput>;
};

/** What importPhoneNumber did. */
export type ImportPhoneNumberPayload = {
  readonly __typename?: 'ImportPhoneNumberPayload';
  /** The input's clientMutationId. */
  readonly clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The imported number; null when userErrors is not empty. */
  readonly phoneNumber?: Maybe<PhoneNumber>;
  /** The imported number as an edge (Relay @prependEdge). */
  readonly phoneNumberEdge?: Maybe<PhoneNumberEdge>;
  /** What the person at the keyboard can fix; empty on success. */
  readonly userErrors: ReadonlyArray<PhoneNumberUserError>;
};

/**
 * The root of all writes. Each needs write permission and is sent over POST;
 * root fields run one after another, and at most `GRAPHQL_MAX_MUTATIONS` (5)
 * of them per operation.
 */
export type Mutation = {
  readonly __typename?: 'Mutation';
  /**
   * Route a number's inbound calls to an agent (replaces any agent it had).
   * User errors: INVALID, PHONE_NUMBER_NOT_FOUND, AGENT_NOT_FOUND.
   */
  readonly assignAgentToPhoneNumber: AssignAgentToPhoneNumberPayload;
  /**
   * Delete a number. It must be unassigned first; a Cartesia number is
   * released for good. User errors: INVALID, PHONE_NUMBER_NOT_FOUND,
   * STILL_ASSIGNED.
   */
  readonly deletePhoneNumber: DeletePhoneNumberPayload;
  /**
   * Import a number that already exists in a linked provider account (Twilio).
   * User errors: INVALID, PROVIDER_NOT_FOUND, AGENT_NOT_FOUND,
   * ALREADY_IMPORTED, PROVIDER_REJECTED, IDEMPOTENCY_KEY_REUSED.
   */
  readonly importPhoneNumber: ImportPhoneNumberPayload;
  /**
   * Provision a new Cartesia-managed US number (uses one of this month's
   * slots). User errors: INVALID, AGENT_NOT_FOUND, PLAN_LIMIT_REACHED,
   * IDEMPOTENCY_KEY_REUSED.
   */
  readonly provisionPhoneNumber: ProvisionPhoneNumberPayload;
  /**
   * Stop routing a number's inbound calls to its agent (a number with no agent
   * stays as it is). User errors: INVALID, PHONE_NUMBER_NOT_FOUND.
   */
  readonly unassignAgentFromPhoneNumber: UnassignAgentFromPhoneNumberPayload;
  /**
   * Change a number's label or provider. User errors: INVALID,
   * PHONE_NUMBER_NOT_FOUND, PROVIDER_NOT_FOUND, PROVIDER_REJECTED.
   */
  readonly updatePhoneNumber: UpdatePhoneNumberPayload;
};

/**
 * The root of all writes. Each needs write permission and is sent over POST;
 * root fields run one after another, and at most `GRAPHQL_MAX_MUTATIONS` (5)
 * of them per operation.
 */
export type MutationAssignAgentToPhoneNumberArgs = {
  input: AssignAgentToPhoneNumberInput;
};

/**
 * The root of all writes. Each needs write permission and is sent over POST;
 * root fields run one after another, and at most `GRAPHQL_MAX_MUTATIONS` (5)
 * of them per operation.
 */
export type MutationDeletePhoneNumberArgs = {
  input: DeletePhoneNumberInput;
};

/**
 * The root of all writes. Each needs write permission and is sent over POST;
 * root fields run one after another, and at most `GRAPHQL_MAX_MUTATIONS` (5)
 * of them per operation.
 */
export type MutationImportPhoneNumberArgs = {
  input: ImportPhoneNumberInput;
};

/**
 * The root of all writes. Each needs write permission and is sent over POST;
 * root fields run one after another, and at most `GRAPHQL_MAX_MUTATIONS` (5)
 * of them per operation.
 */
export type MutationProvisionPhoneNumberArgs = {
  input: ProvisionPhoneNumberInput;
};

/**
 * The root of all writes. Each needs write permission and is sent over POST;
 * root fields run one after another, and at most `GRAPHQL_MAX_MUTATIONS` (5)
 * of them per operation.
 */
export type MutationUnassignAgentFromPhoneNumberArgs = {
  input: UnassignAgentFromPhoneNumberInput;
};

/**
 * The root of all writes. Each needs write permission and is sent over POST;
 * root fields run one after another, and at most `GRAPHQL_MAX_MUTATIONS` (5)
 * of them per operation.
 */
export type MutationUpdatePhoneNumberArgs = {
  input: UpdatePhoneNumberInput;
};

/** An object with a globally unique ID (Relay object identification). */
export type Node = {
  /** The object's ID. */
  readonly id: Scalars['ID']['output'];
};

/** Where a page sits in the whole list (Relay PageInfo). */
export type PageInfo = {
  readonly __typename?: 'PageInfo';
  /** The cursor of the last edge; null when the page is empty. */
  readonly endCursor?: Maybe<Scalars['String']['output']>;
  /**
   * Forward pages: whether more items follow. Backward pages (`before` given):
   * always true, since the item at `before` follows the page.
   */
  readonly hasNextPage: Scalars['Boolean']['output'];
  /**
   * Forward pages: true when `after` was given (the item at `after` precedes
   * the page). Backward pages: whether more items precede the page.
   */
  readonly hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the first edge; null when the page is empty. */
  readonly startCursor?: Maybe<Scalars['String']['output']>;
};

/** A phone number that can be assigned to a voice agent. */
export type PhoneNumber = Node & {
  readonly __typename?: 'PhoneNumber';
  /** The agent that answers inbound calls; null when unassigned. */
  readonly agent?: Maybe<Agent>;
  /** When the number was added. */
  readonly createdAt: Scalars['DateTime']['output'];
  /** The phone number's ID, e.g. `pn_...`. */
  readonly id: Scalars['ID']['output'];
  /** A human-readable name for the number; null when none was given. */
  readonly label?: Maybe<Scalars['String']['output']>;
  /** E.164, e.g. +14155551234. */
  readonly number: Scalars['String']['output'];
  /** The telephony provider behind the number. */
  readonly provider: Provider;
  /** When the number was last changed. */
  readonly updatedAt: Scalars['DateTime']['output'];
};

/** A page of phone numbers (Relay connection). */
export type PhoneNumberConnection = {
  readonly __typename?: 'PhoneNumberConnection';
  /** The numbers on this page with their cursors, in list order (newest first). */
  readonly edges: ReadonlyArray<PhoneNumberEdge>;
  /** The numbers on this page, without cursors: a shortcut for `edges { node }`. */
  readonly nodes: ReadonlyArray<PhoneNumber>;
  /** Where this page sits in the whole list. */
  readonly pageInfo: PageInfo;
};

/** A phone number on a page, with the cursor that marks its place. */
export type PhoneNumberEdge = {
  readonly __typename?: 'PhoneNumberEdge';
  /** An opaque cursor for `after`/`before`. */
  readonly cursor: Scalars['String']['output'];
  /** The phone number. */
  readonly node: PhoneNumber;
};

/** Criteria for `Query.phoneNumbers`. Absent or empty criteria are ignored. */
export type PhoneNumberFilter = {
  /** Only numbers assigned to this agent. */
  readonly agentId?: InputMaybe<Scalars['ID']['input']>;
  /** Only numbers linked to this provider (e.g. a Twilio account link). */
  readonly providerId?: InputMaybe<Scalars['ID']['input']>;
  /** Matches the number, its label or its agent's name. */
  readonly search?: InputMaybe<Scalars['String']['input']>;
  /** Only numbers of this provider type. */
  readonly type?: InputMaybe<ProviderType>;
};

/** Something the person at the keyboard can fix. Never carries upstream text. */
export type PhoneNumberUserError = {
  readonly __typename?: 'PhoneNumberUserError';
  /** What went wrong, stable for code to branch on. */
  readonly code: PhoneNumberUserErrorCode;
  /** Path to the input field at fault, e.g. ["input", "label"]; null when no single field is. */
  readonly field?: Maybe<ReadonlyArray<Scalars['String']['output']>>;
  /** A sentence for the person at the keyboard; never upstream text. */
  readonly message: Scalars['String']['output'];
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

/** The telephony provider of a phone number, chosen by its `type`. */
export type Provider = CartesiaProvider | TwilioProvider;

/** Who provides the telephony for a phone number. */
export type ProviderType =
  /** A number managed by Cartesia (US numbers only). */
  | 'cartesia'
  /** A number from a linked Twilio account. */
  | 'twilio';

/** A new Cartesia-managed number. */
export type ProvisionPhoneNumberInput = {
  /** An agent to answer inbound calls; without one the number is outbound-only. */
  readonly agentId?: InputMaybe<Scalars['ID']['input']>;
  /** Echoed back in the payload. */
  readonly clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /**
   * Makes a retry safe: the same key with the same input, from the same client,
   * within 24 hours, returns the first answer and provisions nothing more.
   * 1 to 255 characters.
   */
  readonly idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** A human-readable name: 1 to 255 characters after trimming. */
  readonly label: Scalars['String']['input'];
};

/** What provisionPhoneNumber did. */
export type ProvisionPhoneNumberPayload = {
  readonly __typename?: 'ProvisionPhoneNumberPayload';
  /** The input's clientMutationId. */
  readonly clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The new number; null when userErrors is not empty. */
  readonly phoneNumber?: Maybe<PhoneNumber>;
  /** The new number as an edge, to insert into a cached connection (Relay @prependEdge). */
  readonly phoneNumberEdge?: Maybe<PhoneNumberEdge>;
  /** What the person at the keyboard can fix; empty on success. */
  readonly userErrors: ReadonlyArray<PhoneNumberUserError>;
};

/**
 * Cartesia-managed number provisioning this month. Numbers deleted this month
 * still count: deleting one does not give its slot back.
 */
export type ProvisioningUsage = {
  readonly __typename?: 'ProvisioningUsage';
  /** How many the plan allows each month. */
  readonly monthlyLimit: Scalars['Int']['output'];
  /** Numbers provisioned this month, deleted ones included. */
  readonly monthlyUsage: Scalars['Int']['output'];
  /** How many more can be provisioned this month. */
  readonly remaining: Scalars['Int']['output'];
};

/** The root of all read operations. */
export type Query = {
  readonly __typename?: 'Query';
  /**
   * The organization's voice agents, ordered by name, as a Relay connection:
   * what an agent picker or filter shows. Cartesia returns every agent in one
   * list; the gateway sorts, filters and pages it, and shares it across requests
   * for a few seconds (`AGENTS_CACHE_TTL_MS`).
   */
  readonly agents: AgentConnection;
  /** Relay object identification: any object with a global ID. */
  readonly node?: Maybe<Node>;
  /** One phone number by its ID; null when it does not exist. */
  readonly phoneNumber?: Maybe<PhoneNumber>;
  /** This month's Cartesia-managed number provisioning: used, allowed, left. */
  readonly phoneNumberProvisioningUsage: ProvisioningUsage;
  /**
   * The organization's phone numbers, newest first, as a Relay connection.
   * Page forward with `first`/`after` or backward with `last`/`before`; the two
   * directions cannot be mixed in one call. Without `first` and `last`, the
   * first 10 numbers are returned.
   */
  readonly phoneNumbers: PhoneNumberConnection;
};

/** The root of all read operations. */
export type QueryAgentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};

/** The root of all read operations. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};

/** The root of all read operations. */
export type QueryPhoneNumberArgs = {
  id: Scalars['ID']['input'];
};

/** The root of all read operations. */
export type QueryPhoneNumbersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PhoneNumberFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** The Twilio region a number and its API key are configured for. */
export type TelephonyRegion =
  /** Australia. */
  | 'au1'
  /** Ireland. */
  | 'ie1'
  /** United States. */
  | 'us1';

/** A linked Twilio account, by its SID and region. */
export type TwilioAccountInput = {
  /** The Twilio account SID (`AC` and 32 hex digits). */
  readonly accountSid: Scalars['String']['input'];
  /** The region the account is configured for. */
  readonly region: TelephonyRegion;
};

/** A linked Twilio account. */
export type TwilioProvider = {
  readonly __typename?: 'TwilioProvider';
  /** The Twilio account SID. */
  readonly accountSid: Scalars['String']['output'];
  /** Partially masked by the upstream. */
  readonly apiKeySid: Scalars['String']['output'];
  /** The provider link's ID. */
  readonly id: Scalars['ID']['output'];
  /** The Twilio region the number and key are configured for. */
  readonly region: TelephonyRegion;
  /** Always `TWILIO`. */
  readonly type: ProviderType;
};

/** A number whose agent is to be removed. */
export type UnassignAgentFromPhoneNumberInput = {
  /** Echoed back in the payload. */
  readonly clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The number's ID. */
  readonly phoneNumberId: Scalars['ID']['input'];
};

/** What unassignAgentFromPhoneNumber did. */
export type UnassignAgentFromPhoneNumberPayload = {
  readonly __typename?: 'UnassignAgentFromPhoneNumberPayload';
  /** The input's clientMutationId. */
  readonly clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The number as it is now; null when userErrors is not empty. */
  readonly phoneNumber?: Maybe<PhoneNumber>;
  /** What the person at the keyboard can fix; empty on success. */
  readonly userErrors: ReadonlyArray<PhoneNumberUserError>;
};

/** The fields of a number to change. */
export type UpdatePhoneNumberInput = {
  /** Echoed back in the payload. */
  readonly clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The number's ID. */
  readonly id: Scalars['ID']['input'];
  /** A new label; absent keeps the current one. */
  readonly label?: InputMaybe<Scalars['String']['input']>;
  /** Move the number to another provider of the same type; absent keeps it. */
  readonly providerId?: InputMaybe<Scalars['ID']['input']>;
};

/** What updatePhoneNumber did. */
export type UpdatePhoneNumberPayload = {
  readonly __typename?: 'UpdatePhoneNumberPayload';
  /** The input's clientMutationId. */
  readonly clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The number as it is now; null when userErrors is not empty. */
  readonly phoneNumber?: Maybe<PhoneNumber>;
  /** What the person at the keyboard can fix; empty on success. */
  readonly userErrors: ReadonlyArray<PhoneNumberUserError>;
};

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<
  TResult,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<
  TResult,
  TKey extends string,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo,
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  obj: T,
  context: TContext,
  info: GraphQLResolveInfo,
) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<
  TResult = Record<PropertyKey, never>,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult | Promise<TResult>;

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  Provider: CartesiaProviderRecord | TwilioProviderRecord;
};

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  Node: AgentModel | PhoneNumberRecord;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Agent: ResolverTypeWrapper<AgentModel>;
  AgentConnection: ResolverTypeWrapper<AgentConnectionModel>;
  AgentEdge: ResolverTypeWrapper<Omit<AgentEdge, 'node'> & { node: ResolversTypes['Agent'] }>;
  AssignAgentToPhoneNumberInput: AssignAgentToPhoneNumberInput;
  AssignAgentToPhoneNumberPayload: ResolverTypeWrapper<
    Omit<AssignAgentToPhoneNumberPayload, 'phoneNumber'> & { phoneNumber?: Maybe<ResolversTypes['PhoneNumber']> }
  >;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CacheControlScope: CacheControlScope;
  CartesiaProvider: ResolverTypeWrapper<CartesiaProviderRecord>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeletePhoneNumberInput: DeletePhoneNumberInput;
  DeletePhoneNumberPayload: ResolverTypeWrapper<DeletePhoneNumberPayload>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ImportPhoneNumberInput: ImportPhoneNumberInput;
  ImportPhoneNumberPayload: ResolverTypeWrapper<
    Omit<ImportPhoneNumberPayload, 'phoneNumber' | 'phoneNumberEdge'> & {
      phoneNumber?: Maybe<ResolversTypes['PhoneNumber']>;
      phoneNumberEdge?: Maybe<ResolversTypes['PhoneNumberEdge']>;
    }
  >;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PhoneNumber: ResolverTypeWrapper<PhoneNumberRecord>;
  PhoneNumberConnection: ResolverTypeWrapper<PhoneNumberConnectionModel>;
  PhoneNumberEdge: ResolverTypeWrapper<PhoneNumberEdgeModel>;
  PhoneNumberFilter: PhoneNumberFilter;
  PhoneNumberUserError: ResolverTypeWrapper<PhoneNumberUserError>;
  PhoneNumberUserErrorCode: PhoneNumberUserErrorCode;
  Provider: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['Provider']>;
  ProviderType: null;
  ProvisionPhoneNumberInput: ProvisionPhoneNumberInput;
  ProvisionPhoneNumberPayload: ResolverTypeWrapper<
    Omit<ProvisionPhoneNumberPayload, 'phoneNumber' | 'phoneNumberEdge'> & {
      phoneNumber?: Maybe<ResolversTypes['PhoneNumber']>;
      phoneNumberEdge?: Maybe<ResolversTypes['PhoneNumberEdge']>;
    }
  >;
  ProvisioningUsage: ResolverTypeWrapper<ProvisioningUsageRecord>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  TelephonyRegion: null;
  TwilioAccountInput: TwilioAccountInput;
  TwilioProvider: ResolverTypeWrapper<TwilioProviderRecord>;
  UnassignAgentFromPhoneNumberInput: UnassignAgentFromPhoneNumberInput;
  UnassignAgentFromPhoneNumberPayload: ResolverTypeWrapper<
    Omit<UnassignAgentFromPhoneNumberPayload, 'phoneNumber'> & { phoneNumber?: Maybe<ResolversTypes['PhoneNumber']> }
  >;
  UpdatePhoneNumberInput: UpdatePhoneNumberInput;
  UpdatePhoneNumberPayload: ResolverTypeWrapper<
    Omit<UpdatePhoneNumberPayload, 'phoneNumber'> & { phoneNumber?: Maybe<ResolversTypes['PhoneNumber']> }
  >;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Agent: AgentModel;
  AgentConnection: AgentConnectionModel;
  AgentEdge: Omit<AgentEdge, 'node'> & { node: ResolversParentTypes['Agent'] };
  AssignAgentToPhoneNumberInput: AssignAgentToPhoneNumberInput;
  AssignAgentToPhoneNumberPayload: Omit<AssignAgentToPhoneNumberPayload, 'phoneNumber'> & {
    phoneNumber?: Maybe<ResolversParentTypes['PhoneNumber']>;
  };
  Boolean: Scalars['Boolean']['output'];
  CartesiaProvider: CartesiaProviderRecord;
  DateTime: Scalars['DateTime']['output'];
  DeletePhoneNumberInput: DeletePhoneNumberInput;
  DeletePhoneNumberPayload: DeletePhoneNumberPayload;
  ID: Scalars['ID']['output'];
  ImportPhoneNumberInput: ImportPhoneNumberInput;
  ImportPhoneNumberPayload: Omit<ImportPhoneNumberPayload, 'phoneNumber' | 'phoneNumberEdge'> & {
    phoneNumber?: Maybe<ResolversParentTypes['PhoneNumber']>;
    phoneNumberEdge?: Maybe<ResolversParentTypes['PhoneNumberEdge']>;
  };
  Int: Scalars['Int']['output'];
  Mutation: Record<PropertyKey, never>;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  PageInfo: PageInfo;
  PhoneNumber: PhoneNumberRecord;
  PhoneNumberConnection: PhoneNumberConnectionModel;
  PhoneNumberEdge: PhoneNumberEdgeModel;
  PhoneNumberFilter: PhoneNumberFilter;
  PhoneNumberUserError: PhoneNumberUserError;
  Provider: ResolversUnionTypes<ResolversParentTypes>['Provider'];
  ProvisionPhoneNumberInput: ProvisionPhoneNumberInput;
  ProvisionPhoneNumberPayload: Omit<ProvisionPhoneNumberPayload, 'phoneNumber' | 'phoneNumberEdge'> & {
    phoneNumber?: Maybe<ResolversParentTypes['PhoneNumber']>;
    phoneNumberEdge?: Maybe<ResolversParentTypes['PhoneNumberEdge']>;
  };
  ProvisioningUsage: ProvisioningUsageRecord;
  Query: Record<PropertyKey, never>;
  String: Scalars['String']['output'];
  TwilioAccountInput: TwilioAccountInput;
  TwilioProvider: TwilioProviderRecord;
  UnassignAgentFromPhoneNumberInput: UnassignAgentFromPhoneNumberInput;
  UnassignAgentFromPhoneNumberPayload: Omit<UnassignAgentFromPhoneNumberPayload, 'phoneNumber'> & {
    phoneNumber?: Maybe<ResolversParentTypes['PhoneNumber']>;
  };
  UpdatePhoneNumberInput: UpdatePhoneNumberInput;
  UpdatePhoneNumberPayload: Omit<UpdatePhoneNumberPayload, 'phoneNumber'> & {
    phoneNumber?: Maybe<ResolversParentTypes['PhoneNumber']>;
  };
};

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<
  Result,
  Parent,
  ContextType = GatewayContext,
  Args = CacheControlDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AgentResolvers<
  ContextType = GatewayContext,
  ParentType extends ResolversParentTypes['Agent'] = ResolversParentTypes['Agent'],
> = {
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phoneNumbers?: Resolver<
    ResolversTypes['PhoneNumberConnection'],
    ParentType,
    ContextType,
    Partial<AgentPhoneNumbersArgs>
  >;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type AgentConnectionResolvers<
  ContextType = GatewayContext,
  ParentType extends ResolversParentTypes['AgentConnection'] = ResolversParentTypes['AgentConnection'],
> = {
  edges?: Resolver<ReadonlyArray<ResolversTypes['AgentEdge']>, ParentType, ContextType>;
  nodes?: Resolver<ReadonlyArray<ResolversTypes['Agent']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type AgentEdgeResolvers<
  ContextType = GatewayContext,
  ParentType extends ResolversParentTypes['AgentEdge'] = ResolversParentTypes['AgentEdge'],
> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Agent'], ParentType, ContextType>;
};

export type AssignAgentToPhoneNumberPayloadResolvers<
  ContextType = GatewayContext,
  ParentType extends ResolversParentTypes['AssignAgentToPhoneNumberPayload'] =
    ResolversParentTypes['AssignAgentToPhoneNumberPayload'],
> = {
  clientMutationId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phoneNumber?: Resolver<Maybe<ResolversTypes['PhoneNumber']>, ParentType, ContextType>;
  userErrors?: Resolver<ReadonlyArray<ResolversTypes['PhoneNumberUserError']>, ParentType, ContextType>;
};

export type CartesiaProviderResolvers<
  ContextType = GatewayContext,
  ParentType extends ResolversParentTypes['CartesiaProvider'] = ResolversParentTypes['CartesiaProvider'],
> = {
  type?: Resolver<ResolversTypes['ProviderType'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeletePhoneNumberPayloadResolvers<
  ContextType = GatewayContext,
  ParentType extends ResolversParentTypes['DeletePhoneNumberPayload'] =
    ResolversParentTypes['DeletePhoneNumberPayload'],
> = {
  clientMutationId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  deletedPhoneNumberId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  userErrors?: Resolver<ReadonlyArray<ResolversTypes['PhoneNumberUserError']>, ParentType, ContextType>;
};

export type ImportPhoneNumberPayloadResolvers<
  ContextType = GatewayContext,
  ParentType extends ResolversParentTypes['ImportPhoneNumberPayload'] =
    ResolversParentTypes['ImportPhoneNumberPayload'],
> = {
  clientMutationId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phoneNumber?: Resolver<Maybe<ResolversTypes['PhoneNumber']>, ParentType, ContextType>;
  phoneNumberEdge?: Resolver<Maybe<ResolversTypes['PhoneNumberEdge']>, ParentType, ContextType>;
  userErrors?: Resolver<ReadonlyArray<ResolversTypes['PhoneNumberUserError']>, ParentType, ContextType>;
};

export type MutationResolvers<
  ContextType = GatewayContext,
  ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation'],
> = {
  assignAgentToPhoneNumber?: Resolver<
    ResolversTypes['AssignAgentToPhoneNumberPayload'],
    ParentType,
    ContextType,
    RequireFields<MutationAssignAgentToPhoneNumberArgs, 'input'>
  >;
  deletePhoneNumber?: Resolver<
    ResolversTypes['DeletePhoneNumberPayload'],
    ParentType,
    ContextType,
    RequireFields<MutationDeletePhoneNumberArgs, 'input'>
  >;
  importPhoneNumber?: Resolver<
    ResolversTypes['ImportPhoneNumberPayload'],
    ParentType,
    ContextType,
    RequireFields<MutationImportPhoneNumberArgs, 'input'>
  >;
  provisionPhoneNumber?: Resolver<
    ResolversTypes['ProvisionPhoneNumberPayload'],
    ParentType,
    ContextType,
    RequireFields<MutationProvisionPhoneNumberArgs, 'input'>
  >;
  unassignAgentFromPhoneNumber?: Resolver<
    ResolversTypes['UnassignAgentFromPhoneNumberPayload'],
    ParentType,
    ContextType,
    RequireFields<MutationUnassignAgentFromPhoneNumberArgs, 'input'>
  >;
  updatePhoneNumber?: Resolver<
    ResolversTypes['UpdatePhoneNumberPayload'],
    ParentType,
    ContextType,
    RequireFields<MutationUpdatePhoneNumberArgs, 'input'>
  >;
};

export type NodeResolvers<
  ContextType = GatewayContext,
  ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node'],
> = {
  __resolveType: TypeResolveFn<'Agent' | 'PhoneNumber', ParentType, ContextType>;
};

export type PageInfoResolvers<
  ContextType = GatewayContext,
  ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo'],
> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PhoneNumberResolvers<
  ContextType = GatewayContext,
  ParentType extends ResolversParentTypes['PhoneNumber'] = ResolversParentTypes['PhoneNumber'],
> = {
  agent?: Resolver<Maybe<ResolversTypes['Agent']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PhoneNumberConnectionResolvers<
  ContextType = GatewayContext,
  ParentType extends ResolversParentTypes['PhoneNumberConnection'] = ResolversParentTypes['PhoneNumberConnection'],
> = {
  edges?: Resolver<ReadonlyArray<ResolversTypes['PhoneNumberEdge']>, ParentType, ContextType>;
  nodes?: Resolver<ReadonlyArray<ResolversTypes['PhoneNumber']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type PhoneNumberEdgeResolvers<
  ContextType = GatewayContext,
  ParentType extends ResolversParentTypes['PhoneNumberEdge'] = ResolversParentTypes['PhoneNumberEdge'],
> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['PhoneNumber'], ParentType, ContextType>;
};

export type PhoneNumberUserErrorResolvers<
  ContextType = GatewayContext,
  ParentType extends ResolversParentTypes['PhoneNumberUserError'] = ResolversParentTypes['PhoneNumberUserError'],
> = {
  code?: Resolver<ResolversTypes['PhoneNumberUserErrorCode'], ParentType, ContextType>;
  field?: Resolver<Maybe<ReadonlyArray<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ProviderResolvers<
  ContextType = GatewayContext,
  ParentType extends ResolversParentTypes['Provider'] = ResolversParentTypes['Provider'],
> = {
  __resolveType: TypeResolveFn<'CartesiaProvider' | 'TwilioProvider', ParentType, ContextType>;
};

export type ProviderTypeResolvers = { CARTESIA: 'cartesia'; TWILIO: 'twilio' };

export type ProvisionPhoneNumberPayloadResolvers<
  ContextType = GatewayContext,
  ParentType extends ResolversParentTypes['ProvisionPhoneNumberPayload'] =
    ResolversParentTypes['ProvisionPhoneNumberPayload'],
> = {
  clientMutationId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phoneNumber?: Resolver<Maybe<ResolversTypes['PhoneNumber']>, ParentType, ContextType>;
  phoneNumberEdge?: Resolver<Maybe<ResolversTypes['PhoneNumberEdge']>, ParentType, ContextType>;
  userErrors?: Resolver<ReadonlyArray<ResolversTypes['PhoneNumberUserError']>, ParentType, ContextType>;
};

export type ProvisioningUsageResolvers<
  ContextType = GatewayContext,
  ParentType extends ResolversParentTypes['ProvisioningUsage'] = ResolversParentTypes['ProvisioningUsage'],
> = {
  monthlyLimit?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  monthlyUsage?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  remaining?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QueryResolvers<
  ContextType = GatewayContext,
  ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query'],
> = {
  agents?: Resolver<ResolversTypes['AgentConnection'], ParentType, ContextType, Partial<QueryAgentsArgs>>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  phoneNumber?: Resolver<
    Maybe<ResolversTypes['PhoneNumber']>,
    ParentType,
    ContextType,
    RequireFields<QueryPhoneNumberArgs, 'id'>
  >;
  phoneNumberProvisioningUsage?: Resolver<ResolversTypes['ProvisioningUsage'], ParentType, ContextType>;
  phoneNumbers?: Resolver<
    ResolversTypes['PhoneNumberConnection'],
    ParentType,
    ContextType,
    Partial<QueryPhoneNumbersArgs>
  >;
};

export type TelephonyRegionResolvers = { AU1: 'au1'; IE1: 'ie1'; US1: 'us1' };

export type TwilioProviderResolvers<
  ContextType = GatewayContext,
  ParentType extends ResolversParentTypes['TwilioProvider'] = ResolversParentTypes['TwilioProvider'],
> = {
  accountSid?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  apiKeySid?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  region?: Resolver<ResolversTypes['TelephonyRegion'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['ProviderType'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UnassignAgentFromPhoneNumberPayloadResolvers<
  ContextType = GatewayContext,
  ParentType extends ResolversParentTypes['UnassignAgentFromPhoneNumberPayload'] =
    ResolversParentTypes['UnassignAgentFromPhoneNumberPayload'],
> = {
  clientMutationId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phoneNumber?: Resolver<Maybe<ResolversTypes['PhoneNumber']>, ParentType, ContextType>;
  userErrors?: Resolver<ReadonlyArray<ResolversTypes['PhoneNumberUserError']>, ParentType, ContextType>;
};

export type UpdatePhoneNumberPayloadResolvers<
  ContextType = GatewayContext,
  ParentType extends ResolversParentTypes['UpdatePhoneNumberPayload'] =
    ResolversParentTypes['UpdatePhoneNumberPayload'],
> = {
  clientMutationId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phoneNumber?: Resolver<Maybe<ResolversTypes['PhoneNumber']>, ParentType, ContextType>;
  userErrors?: Resolver<ReadonlyArray<ResolversTypes['PhoneNumberUserError']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = GatewayContext> = {
  Agent?: AgentResolvers<ContextType>;
  AgentConnection?: AgentConnectionResolvers<ContextType>;
  AgentEdge?: AgentEdgeResolvers<ContextType>;
  AssignAgentToPhoneNumberPayload?: AssignAgentToPhoneNumberPayloadResolvers<ContextType>;
  CartesiaProvider?: CartesiaProviderResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeletePhoneNumberPayload?: DeletePhoneNumberPayloadResolvers<ContextType>;
  ImportPhoneNumberPayload?: ImportPhoneNumberPayloadResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PhoneNumber?: PhoneNumberResolvers<ContextType>;
  PhoneNumberConnection?: PhoneNumberConnectionResolvers<ContextType>;
  PhoneNumberEdge?: PhoneNumberEdgeResolvers<ContextType>;
  PhoneNumberUserError?: PhoneNumberUserErrorResolvers<ContextType>;
  Provider?: ProviderResolvers<ContextType>;
  ProviderType?: ProviderTypeResolvers;
  ProvisionPhoneNumberPayload?: ProvisionPhoneNumberPayloadResolvers<ContextType>;
  ProvisioningUsage?: ProvisioningUsageResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  TelephonyRegion?: TelephonyRegionResolvers;
  TwilioProvider?: TwilioProviderResolvers<ContextType>;
  UnassignAgentFromPhoneNumberPayload?: UnassignAgentFromPhoneNumberPayloadResolvers<ContextType>;
  UpdatePhoneNumberPayload?: UpdatePhoneNumberPayloadResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = GatewayContext> = {
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
};
