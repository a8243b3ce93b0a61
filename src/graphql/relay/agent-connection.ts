import type { AgentSummaryRecord } from '../../cartesia/types';
import type { QueryAgentsArgs } from '../../__generated__/resolvers-types';
import { UserInputError } from '../errors';
import { MAX_PAGE_SIZE, type PageInfoModel } from './connection';
import { decodeAgentCursor, encodeAgentCursor } from './cursor';

// Cartesia returns every agent in one list; the gateway pages the sorted list itself.

export const DEFAULT_AGENT_PAGE_SIZE = 20;
const MAX_SEARCH_LENGTH = 256;

export interface AgentConnectionModel {
  readonly edges: readonly { readonly cursor: string; readonly node: AgentSummaryRecord }[];
  readonly nodes: readonly AgentSummaryRecord[];
  readonly pageInfo: PageInfoModel;
}

function pageSize(first: number | null | undefined): number {
  if (first === undefined || first === null) return DEFAULT_AGENT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new UserInputError(`Argument "first" must be between 1 and ${MAX_PAGE_SIZE}; got ${first}.`, 'first');
  }
  return first;
}

function matching(agents: readonly AgentSummaryRecord[], search: string | null | undefined) {
  const needle = search?.trim().toLocaleLowerCase('en');
  if (!needle) return agents;
  if (needle.length > MAX_SEARCH_LENGTH) {
    throw new UserInputError(`"search" must be at most ${MAX_SEARCH_LENGTH} characters.`, 'search');
  }
  return agents.filter((agent) => agent.name.toLocaleLowerCase('en').includes(needle));
}

/** One page of the (already sorted) agents: after the cursor's agent, filtered by name. */
export function toAgentConnection(sorted: readonly AgentSummaryRecord[], args: QueryAgentsArgs): AgentConnectionModel {
  const size = pageSize(args.first);
  const candidates = matching(sorted, args.search);
  let start = 0;
  if (args.after !== undefined && args.after !== null) {
    const afterId = decodeAgentCursor(args.after, 'after');
    const index = candidates.findIndex((agent) => agent.id === afterId);
    // A cursor of an agent deleted since: nothing to anchor on, so say so instead of guessing.
    if (index < 0) throw new UserInputError('Argument "after" points at an agent that is no longer listed.', 'after');
    start = index + 1;
  }
  const nodes = candidates.slice(start, start + size);
  const edges = nodes.map((node) => ({ cursor: encodeAgentCursor(node.id), node }));
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: start + size < candidates.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
