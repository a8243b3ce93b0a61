import type { PhoneNumberResolvers } from '../../__generated__/resolvers-types';

// Only the fields whose upstream name differs need code.
export const PhoneNumber: PhoneNumberResolvers = {
  createdAt: (record) => record.created_at,
  updatedAt: (record) => record.updated_at,
};
