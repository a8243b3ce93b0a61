import type { NodeResolvers } from '../../__generated__/resolvers-types';

// Phone numbers carry a provider; agents never do.
export const Node: NodeResolvers = {
  __resolveType: (node) => ('provider' in node ? 'PhoneNumber' : 'Agent'),
};
