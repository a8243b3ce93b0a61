import type { AgentResolvers } from '../../__generated__/resolvers-types';
import type { AgentModel } from '../../cartesia/types';
import type { GatewayContext } from '../context';
import { toConnection, toUpstreamPageRequest } from '../relay/connection';

/**
 * On a phone number an agent is only {id, name}; the rest comes from the
 * agents list (fetched at most once per request, shared briefly).
 */
async function summary(agent: AgentModel, context: GatewayContext) {
  if ('created_at' in agent || 'description' in agent) return agent;
  return (await context.agents()).find((candidate) => candidate.id === agent.id) ?? agent;
}

export const Agent: AgentResolvers = {
  description: async (agent, _args, context) => {
    const full = await summary(agent, context);
    return 'description' in full ? (full.description ?? null) : null;
  },
  createdAt: async (agent, _args, context) => {
    const full = await summary(agent, context);
    return 'created_at' in full ? (full.created_at ?? null) : null;
  },
  updatedAt: async (agent, _args, context) => {
    const full = await summary(agent, context);
    return 'updated_at' in full ? (full.updated_at ?? null) : null;
  },
  phoneNumbers: async (agent, args, context) => {
    const request = toUpstreamPageRequest({ ...args, filter: { agentId: agent.id } });
    return toConnection(await context.loaders.page.load(request.query), request);
  },
};
