import type { TwilioProviderResolvers } from '../../__generated__/resolvers-types';

export const TwilioProvider: TwilioProviderResolvers = {
  accountSid: (provider) => provider.account_sid,
  apiKeySid: (provider) => provider.api_key_sid,
};
