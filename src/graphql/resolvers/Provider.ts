import type { ProviderResolvers } from '../../__generated__/resolvers-types';

export const Provider: ProviderResolvers = {
  __resolveType: (provider) => {
    const type = provider.type;
    switch (type) {
      case 'twilio':
        return 'TwilioProvider';
      case 'cartesia':
        return 'CartesiaProvider';
      default: {
        // A new upstream provider type must be added to the schema first; the
        // contract validator rejects it before it gets here.
        const unknown: never = type;
        throw new Error(`unknown provider type ${String(unknown)}`);
      }
    }
  },
};
