import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  Kind,
  type FieldNode,
  type GraphQLError,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { QueryResolvers } from '../../__generated__/resolvers-types';
import { ErrorCode } from '../../error-codes';
import { OperationLimitError, type OperationLimitCode } from '../errors';

/** What one GraphQL operation may ask for (the GRAPHQL_MAX_* variables). */
export interface OperationLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxRootFields: number;
  /** Mutation root fields per operation: each is a write, applied one after another. */
  readonly maxMutations: number;
  readonly maxUpstreamCalls: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
}

/**
 * Upstream calls each Query field can cost at most. Typed against the
 * generated resolvers, so a new root field does not compile until its cost
 * is decided here. A lookup is one GET (DataLoader may merge duplicates, so
 * this is an upper bound); a page is one GET.
 */
export const QUERY_FIELD_UPSTREAM_CALLS: Record<keyof QueryResolvers, number> = {
  phoneNumbers: 1,
  phoneNumber: 1,
  node: 1,
  // One list of every agent, shared by the whole operation.
  agents: 1,
  phoneNumberProvisioningUsage: 1,
};

/** Root fields of an operation, through fragments and inline fragments (cycles are cut; another rule reports them). */
function rootFields(
  selectionSet: SelectionSetNode,
  context: ValidationContext,
  visiting: Set<string> = new Set(),
): FieldNode[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(selection.selectionSet, context, visiting);
    const name = selection.name.value;
    const fragment = context.getFragment(name);
    if (!fragment || visiting.has(name)) return [];
    return rootFields(fragment.selectionSet, context, new Set(visiting).add(name));
  });
}

function upstreamCost(fields: readonly FieldNode[]): number {
  return fields.reduce(
    (total, field) => total + (QUERY_FIELD_UPSTREAM_CALLS[field.name.value as keyof QueryResolvers] ?? 0),
    0,
  );
}

/**
 * Root-field breadth and the upstream-call budget of a query, checked before
 * anything runs: an operation that would fan out to more Cartesia calls than
 * GRAPHQL_MAX_UPSTREAM_CALLS is refused whole, not half executed.
 */
export function upstreamBudgetRule(
  limits: Pick<OperationLimits, 'maxRootFields' | 'maxUpstreamCalls' | 'maxMutations'>,
): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      if (operation.operation === 'mutation') {
        const writes = rootFields(operation.selectionSet, context).filter((field) => !field.name.value.startsWith('__'));
        if (writes.length <= limits.maxMutations) return;
        context.reportError(
          new OperationLimitError(
            ErrorCode.TOO_MANY_MUTATIONS,
            `The operation has ${writes.length} mutations; at most ${limits.maxMutations} are allowed per operation.`,
          ),
        );
        return;
      }
      if (operation.operation !== 'query') return;
      const fields = rootFields(operation.selectionSet, context).filter((field) => !field.name.value.startsWith('__'));
      if (fields.length > limits.maxRootFields) {
        context.reportError(
          new OperationLimitError(
            ErrorCode.TOO_MANY_ROOT_FIELDS,
            `The operation selects ${fields.length} root fields; at most ${limits.maxRootFields} are allowed.`,
          ),
        );
      }
      const cost = upstreamCost(fields);
      if (cost > limits.maxUpstreamCalls) {
        context.reportError(
          new OperationLimitError(
            ErrorCode.UPSTREAM_BUDGET_EXCEEDED,
            `The operation needs up to ${cost} Cartesia calls; at most ${limits.maxUpstreamCalls} are allowed per operation. Split it.`,
          ),
        );
      }
    },
  });
}

/** graphql-armor rejects with "Syntax Error: ..."; the code already says what kind of error it is. */
function reportAs(code: OperationLimitCode) {
  return [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new OperationLimitError(code, error.message.replace(/^Syntax Error: /, ''))),
  ];
}

/**
 * The operation limits: depth, aliases and directives from graphql-armor
 * (each reported with its own code), root fields and upstream budget from
 * upstreamBudgetRule, and, where the schema is not public, field suggestions
 * ("Did you mean ...") masked. Tokens are limited by graphql-js's parser
 * (Apollo's `parseOptions.maxTokens`), so armor's copy of the parser is off.
 */
export function operationLimits(
  limits: OperationLimits,
  options: { hideFieldSuggestions: boolean },
): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const armor = new ApolloArmor({
    maxDepth: {
      n: limits.maxDepth,
      flattenFragments: true,
      ignoreIntrospection: true,
      propagateOnRejection: false,
      onReject: reportAs(ErrorCode.QUERY_TOO_DEEP),
    },
    maxAliases: { n: limits.maxAliases, propagateOnRejection: false, onReject: reportAs(ErrorCode.TOO_MANY_ALIASES) },
    maxDirectives: {
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: reportAs(ErrorCode.TOO_MANY_DIRECTIVES),
    },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: options.hideFieldSuggestions },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins, validationRules: [...validationRules, upstreamBudgetRule(limits)] };
}
