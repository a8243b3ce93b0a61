import type { PhoneNumberRecord } from '../../src/cartesia/types';

// The GraphQL shape a record must come out as, derived independently of the
// resolvers (the mapping rules of the contract: camelCase, upper-case enums).
export function expectedPhoneNumber(record: PhoneNumberRecord): Record<string, unknown> {
  const provider =
    record.provider.type === 'twilio'
      ? {
          __typename: 'TwilioProvider',
          type: 'TWILIO',
          id: record.provider.id,
          accountSid: record.provider.account_sid,
          apiKeySid: record.provider.api_key_sid,
          region: record.provider.region.toUpperCase(),
        }
      : { __typename: 'CartesiaProvider', type: 'CARTESIA' };
  return {
    id: record.id,
    label: record.label ?? null,
    number: record.number,
    agent: record.agent ? { id: record.agent.id, name: record.agent.name } : null,
    provider,
    createdAt: record.created_at,
    updatedAt: record.updated_at,
  };
}
