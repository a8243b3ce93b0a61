// Upstream wire types, named for what they are; all come from the generated
// OpenAPI types so they cannot drift from schema/cartesia-openapi.yaml.
import type { components, operations } from '../__generated__/cartesia-openapi';

type Schemas = components['schemas'];

export type PhoneNumberRecord = Schemas['PhoneNumberResponse'];
export type AgentRecord = NonNullable<PhoneNumberRecord['agent']>;
export type ProviderRecord = Schemas['ProviderResponse'];
export type TwilioProviderRecord = Schemas['TwilioProviderResponse'];
export type CartesiaProviderRecord = Schemas['CartesiaProviderResponse'];
export type TelephonyRegion = Schemas['TelephonyRegion'];
export type ProviderTypeValue = ProviderRecord['type'];

type ListOperation = operations['phone_numbers_list'];
export type PhoneNumberListQuery = NonNullable<ListOperation['parameters']['query']>;
export type PhoneNumberListPage = ListOperation['responses']['200']['content']['application/json'];

// The write operations and List Agents.
export type AgentSummaryRecord = Schemas['AgentSummary'];
export type AgentListRecord = Schemas['GetAgentsResponse'];
export type ProvisioningUsageRecord = Schemas['PhoneNumberProvisioningUsageResponse'];
export type ProviderReference = Schemas['ProviderReference'];
export type ProviderReferenceById = Schemas['ProviderReferenceById'];
export type ImportPhoneNumberBody = Schemas['ImportPhoneNumberBody'];
export type ProvisionPhoneNumberBody = Schemas['ProvisionPhoneNumberBody'];
export type UpdatePhoneNumberBody = Schemas['UpdatePhoneNumberBody'];
export type ProvisionedPhoneNumberRecord = Schemas['ProvisionPhoneNumberResponse'];
export type ErrorRecord = Schemas['ErrorResponse'];

/** An agent as the gateway meets it: {id, name} on a phone number, or a summary from the agents list. */
export type AgentModel = AgentRecord | AgentSummaryRecord;
