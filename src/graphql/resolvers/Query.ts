import type { QueryResolvers } from '../../__generated__/resolvers-types';
import type { GatewayContext } from '../context';
import { UserInputError } from '../errors';
import { toConnection, toUpstreamPageRequest } from '../relay/connection';
import { isUpstreamId } from '../relay/cursor';

// Phone number ids are Cartesia's own (`pn_...`); they are the Node ids too.
const PHONE_NUMBER_ID_PREFIX = 'pn_';

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
  // Only phone numbers are nodes: any other id cannot resolve, so it costs no call.
  node: (_parent, { id }, context) => (id.startsWith(PHONE_NUMBER_ID_PREFIX) ? loadPhoneNumber(id, context) : null),
};
