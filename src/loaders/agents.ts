import type { CallOptions, CartesiaClient } from '../cartesia/client';
import type { AgentSummaryRecord } from '../cartesia/types';

/** The agents calls the loader needs; CartesiaClient is the real one. */
export type AgentSource = Pick<CartesiaClient, 'listAgents'>;

/** Every agent, sorted by name (then id, so equal names keep one order): fetched at most once per request. */
export type AgentsLoader = () => Promise<readonly AgentSummaryRecord[]>;

const byName = (a: AgentSummaryRecord, b: AgentSummaryRecord) =>
  a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function createAgentsLoader(source: AgentSource, call: CallOptions): AgentsLoader {
  let agents: Promise<readonly AgentSummaryRecord[]> | undefined;
  return () => {
    agents ??= source.listAgents(call).then((list) => [...list.summaries].sort(byName));
    return agents;
  };
}
