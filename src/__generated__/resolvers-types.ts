import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PhoneNumberRecord, AgentRecord, TwilioProviderRecord, CartesiaProviderRecord } from '../cartesia/types';
import type { PhoneNumberConnectionModel, PhoneNumberEdgeModel } from '../graphql/relay/connection';
import type { GatewayContext } from '../graphql/context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
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

/** A voice agent, as far as a phone number knows it. */
export type Agent = {
  readonly __typename?: 'Agent';
  /** The agent's ID. */
  readonly id: Scalars['ID']['output'];
  /** The agent's display name. */
  readonly name: Scalars['String']['output'];
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

/** The telephony provider of a phone number, chosen by its `type`. */
export type Provider = CartesiaProvider | TwilioProvider;

/** Who provides the telephony for a phone number. */
export type ProviderType =
  /** A number managed by Cartesia (US numbers only). */
  | 'cartesia'
  /** A number from a linked Twilio account. */
  | 'twilio';

/** The root of all read operations. */
export type Query = {
  readonly __typename?: 'Query';
  /** Relay object identification: any object with a global ID. */
  readonly node?: Maybe<Node>;
  /** One phone number by its ID; null when it does not exist. */
  readonly phoneNumber?: Maybe<PhoneNumber>;
  /**
   * The organization's phone numbers, newest first, as a Relay connection.
   * Page forward with `first`/`after` or backward with `last`/`before`; the two
   * directions cannot be mixed in one call. Without `first` and `last`, the
   * first 10 numbers are returned.
   */
  readonly phoneNumbers: PhoneNumberConnection;
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
  Node: PhoneNumberRecord;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Agent: ResolverTypeWrapper<AgentRecord>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CacheControlScope: CacheControlScope;
  CartesiaProvider: ResolverTypeWrapper<CartesiaProviderRecord>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PhoneNumber: ResolverTypeWrapper<PhoneNumberRecord>;
  PhoneNumberConnection: ResolverTypeWrapper<PhoneNumberConnectionModel>;
  PhoneNumberEdge: ResolverTypeWrapper<PhoneNumberEdgeModel>;
  PhoneNumberFilter: PhoneNumberFilter;
  Provider: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['Provider']>;
  ProviderType: null;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  TelephonyRegion: null;
  TwilioProvider: ResolverTypeWrapper<TwilioProviderRecord>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Agent: AgentRecord;
  Boolean: Scalars['Boolean']['output'];
  CartesiaProvider: CartesiaProviderRecord;
  DateTime: Scalars['DateTime']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  PageInfo: PageInfo;
  PhoneNumber: PhoneNumberRecord;
  PhoneNumberConnection: PhoneNumberConnectionModel;
  PhoneNumberEdge: PhoneNumberEdgeModel;
  PhoneNumberFilter: PhoneNumberFilter;
  Provider: ResolversUnionTypes<ResolversParentTypes>['Provider'];
  Query: Record<PropertyKey, never>;
  String: Scalars['String']['output'];
  TwilioProvider: TwilioProviderRecord;
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
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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

export type NodeResolvers<
  ContextType = GatewayContext,
  ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node'],
> = {
  __resolveType: TypeResolveFn<'PhoneNumber', ParentType, ContextType>;
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

export type ProviderResolvers<
  ContextType = GatewayContext,
  ParentType extends ResolversParentTypes['Provider'] = ResolversParentTypes['Provider'],
> = {
  __resolveType: TypeResolveFn<'CartesiaProvider' | 'TwilioProvider', ParentType, ContextType>;
};

export type ProviderTypeResolvers = { CARTESIA: 'cartesia'; TWILIO: 'twilio' };

export type QueryResolvers<
  ContextType = GatewayContext,
  ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query'],
> = {
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  phoneNumber?: Resolver<
    Maybe<ResolversTypes['PhoneNumber']>,
    ParentType,
    ContextType,
    RequireFields<QueryPhoneNumberArgs, 'id'>
  >;
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

export type Resolvers<ContextType = GatewayContext> = {
  Agent?: AgentResolvers<ContextType>;
  CartesiaProvider?: CartesiaProviderResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Node?: NodeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PhoneNumber?: PhoneNumberResolvers<ContextType>;
  PhoneNumberConnection?: PhoneNumberConnectionResolvers<ContextType>;
  PhoneNumberEdge?: PhoneNumberEdgeResolvers<ContextType>;
  Provider?: ProviderResolvers<ContextType>;
  ProviderType?: ProviderTypeResolvers;
  Query?: QueryResolvers<ContextType>;
  TelephonyRegion?: TelephonyRegionResolvers;
  TwilioProvider?: TwilioProviderResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = GatewayContext> = {
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
};
