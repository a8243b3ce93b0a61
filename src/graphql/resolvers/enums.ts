import type { ProviderTypeResolvers, TelephonyRegionResolvers } from '../../__generated__/resolvers-types';

// GraphQL enum values <-> the upstream's lower-case wire values.
export const ProviderType: ProviderTypeResolvers = { TWILIO: 'twilio', CARTESIA: 'cartesia' };
export const TelephonyRegion: TelephonyRegionResolvers = { US1: 'us1', IE1: 'ie1', AU1: 'au1' };
