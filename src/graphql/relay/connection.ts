import type { PhoneNumberListPage, PhoneNumberListQuery, PhoneNumberRecord } from '../../cartesia/types';
import type { PhoneNumberFilter, QueryPhoneNumbersArgs } from '../../__generated__/resolvers-types';
import { UserInputError } from '../errors';
import { decodeCursor, encodeCursor } from './cursor';

// Pure translation between Relay connection arguments and Cartesia's cursor
// pagination (starting_after / ending_before / limit). One GraphQL page is
// always exactly one upstream page: never fetch-all-then-slice.

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;
const MAX_FILTER_LENGTH = 256;

export type PageDirection = 'forward' | 'backward';

/** What to ask the upstream for, and how to read its answer. */
export interface UpstreamPageRequest {
  readonly query: PhoneNumberListQuery;
  readonly direction: PageDirection;
  /** A cursor was given (after / before): the item at it lies outside the page. */
  readonly fromCursor: boolean;
}

export interface PhoneNumberEdgeModel {
  readonly cursor: string;
  readonly node: PhoneNumberRecord;
}

export interface PageInfoModel {
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly startCursor: string | null;
  readonly endCursor: string | null;
}

/** The resolver parent of PhoneNumberConnection. */
export interface PhoneNumberConnectionModel {
  readonly edges: readonly PhoneNumberEdgeModel[];
  readonly nodes: readonly PhoneNumberRecord[];
  readonly pageInfo: PageInfoModel;
}

function pageSize(value: number, argumentName: string): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    throw new UserInputError(
      `Argument "${argumentName}" must be between 1 and ${MAX_PAGE_SIZE}; got ${value}.`,
      argumentName,
    );
  }
  return value;
}

function filterValue(value: string | null | undefined, argumentName: string): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (trimmed.length > MAX_FILTER_LENGTH) {
    throw new UserInputError(`"${argumentName}" must be at most ${MAX_FILTER_LENGTH} characters.`, argumentName);
  }
  return trimmed;
}

/** filter -> upstream query params; absent or empty values are omitted. */
export function toUpstreamFilter(filter: PhoneNumberFilter | null | undefined): PhoneNumberListQuery {
  if (!filter) return {};
  const query: PhoneNumberListQuery = {
    agent_id: filterValue(filter.agentId, 'filter.agentId'),
    provider_id: filterValue(filter.providerId, 'filter.providerId'),
    type: filter.type ?? undefined,
    q: filterValue(filter.search, 'filter.search'),
  };
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined));
}

function rejectMixedDirections(args: QueryPhoneNumbersArgs): void {
  const has = (value: unknown) => value !== undefined && value !== null;
  if (has(args.first) && has(args.last)) {
    throw new UserInputError('Pass either "first" (forward) or "last" (backward), not both.', 'last');
  }
  if (has(args.after) && has(args.before)) {
    throw new UserInputError('Pass either "after" (forward) or "before" (backward), not both.', 'before');
  }
  if (has(args.last) && !has(args.before)) {
    throw new UserInputError(
      '"last" needs "before": the upstream can only page backward from a cursor. Use "first" for the start of the list.',
      'last',
    );
  }
  if (has(args.first) && has(args.before)) {
    throw new UserInputError('"before" pages backward; use it with "last", not "first".', 'before');
  }
}

/** Relay arguments -> one upstream page request; UserInputError for anything the upstream cannot serve. */
export function toUpstreamPageRequest(args: QueryPhoneNumbersArgs): UpstreamPageRequest {
  rejectMixedDirections(args);
  const filter = toUpstreamFilter(args.filter);
  if (args.before !== undefined && args.before !== null) {
    return {
      direction: 'backward',
      fromCursor: true,
      query: {
        ...filter,
        limit: pageSize(args.last ?? DEFAULT_PAGE_SIZE, 'last'),
        ending_before: decodeCursor(args.before, 'before'),
      },
    };
  }
  const after = args.after ?? undefined;
  return {
    direction: 'forward',
    fromCursor: after !== undefined,
    query: {
      ...filter,
      limit: pageSize(args.first ?? DEFAULT_PAGE_SIZE, 'first'),
      ...(after !== undefined ? { starting_after: decodeCursor(after, 'after') } : {}),
    },
  };
}

/** An upstream page -> the Relay connection. Edges keep list order in both directions. */
export function toConnection(page: PhoneNumberListPage, request: UpstreamPageRequest): PhoneNumberConnectionModel {
  const edges = page.data.map((node) => ({ cursor: encodeCursor(node.id), node }));
  const forward = request.direction === 'forward';
  return {
    edges,
    nodes: page.data,
    pageInfo: {
      hasNextPage: forward ? page.has_more : true,
      hasPreviousPage: forward ? request.fromCursor : page.has_more,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
