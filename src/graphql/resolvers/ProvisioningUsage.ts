import type { ProvisioningUsageResolvers } from '../../__generated__/resolvers-types';

export const ProvisioningUsage: ProvisioningUsageResolvers = {
  monthlyUsage: (usage) => usage.monthly_usage,
  monthlyLimit: (usage) => usage.monthly_limit,
};
