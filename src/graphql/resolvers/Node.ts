import type { NodeResolvers } from '../../__generated__/resolvers-types';

// PhoneNumber is the only Node today; a second one needs a discriminator here.
export const Node: NodeResolvers = {
  __resolveType: () => 'PhoneNumber',
};
