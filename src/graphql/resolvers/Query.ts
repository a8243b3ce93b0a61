import type { QueryResolvers } from '../../__generated__/resolvers-types';
import type { GatewayContext } from '../context';
import { UserInputError } from '../errors';
import { toAgentConnection } from '../relay/agent-connection';
import { toConnection, toUpstreamPageRequest } from '../relay/connection';
import { isUpstreamId } from '../relay/cursor';

// Ids are Cartesia's own (`pn_...`, `agent_...`); they are the Node ids too.
const PHONE_NUMBER_ID_PREFIX = 'pn_';
const AGENT_ID_PREFIX = 'agent_';

async function loadAgent(id: string, context: GatewayContext) {
  return (await context.agents()).find((agent) => agent.id === id) ?? null;
}

function loadPhoneNumber(id: string, context: GatewayContext) {
  if (!isUpstreamId(id)) {
    throw new UserInputError('Argument "id" is not a phone number ID (expected something like pn_...).', 'id');
  }
  return context.loaders.byId.load(id);
}

export const Query: QueryResolvers = {
  phoneNumbers: async (_parent, args, context) => {
    const request = toUpstreamPageRequest(args);
    const page = await context.loaders.page.load(request.query);
    return toConnection(page, request);
  },
  phoneNumber: (_parent, { id }, context) => loadPhoneNumber(id, context),
  // Phone numbers and agents are nodes: any other id cannot resolve, so it costs no call.
  node: (_parent, { id }, context) => {
    if (id.startsWith(PHONE_NUMBER_ID_PREFIX)) return loadPhoneNumber(id, context);
    return id.startsWith(AGENT_ID_PREFIX) ? loadAgent(id, context) : null;
  },
  agents: async (_parent, args, context) => toAgentConnection(await context.agents(), args),
  phoneNumberProvisioningUsage: (_parent, _args, context) => context.upstream.getProvisioningUsage(context.call),
};
