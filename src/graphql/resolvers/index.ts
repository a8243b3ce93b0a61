import type { Resolvers } from '../../__generated__/resolvers-types';
import { Agent } from './Agent';
import { DateTime } from './DateTime';
import { ProviderType, TelephonyRegion } from './enums';
import { Node } from './Node';
import { PhoneNumber } from './PhoneNumber';
import { Mutation } from './Mutation';
import { Provider } from './Provider';
import { ProvisioningUsage } from './ProvisioningUsage';
import { Query } from './Query';
import { TwilioProvider } from './TwilioProvider';

// One file per GraphQL type that needs code; every other field maps 1:1.
export const resolvers: Resolvers = {
  Query,
  Mutation,
  Agent,
  ProvisioningUsage,
  Node,
  PhoneNumber,
  Provider,
  TwilioProvider,
  ProviderType,
  TelephonyRegion,
  DateTime,
};
