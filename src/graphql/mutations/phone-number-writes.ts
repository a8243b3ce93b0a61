// The six writes: check the input, check what can be checked upstream (the
// number exists, the agent exists, a slot is left), write once, and leave the
// request's loaders true to what was written. Every refusal is a user error.
import type { CallOptions } from '../../cartesia/client';
import type { PhoneNumberRecord, UpdatePhoneNumberBody } from '../../cartesia/types';
import type {
  AssignAgentToPhoneNumberInput,
  DeletePhoneNumberInput,
  ImportPhoneNumberInput,
  ProvisionPhoneNumberInput,
  UnassignAgentFromPhoneNumberInput,
  UpdatePhoneNumberInput,
} from '../../__generated__/resolvers-types';
import type { GatewayContext } from '../context';
import { InputCheck, type UserError } from './input-rules';
import { refusable, type Refusals } from './upstream-refusals';

/** What a write did, for its payload and its audit line. */
export interface WriteOutcome {
  readonly phoneNumber: PhoneNumberRecord | null;
  readonly deletedPhoneNumberId?: string | null;
  readonly userErrors: readonly UserError[];
  /** The number written (or asked for), for the audit line. */
  readonly phoneNumberId?: string;
  /** The write's upstream status, when one was sent. */
  readonly upstreamStatus?: number;
}

const refused = (userErrors: readonly UserError[], phoneNumberId?: string, upstreamStatus?: number): WriteOutcome => ({
  phoneNumber: null,
  deletedPhoneNumberId: null,
  userErrors,
  phoneNumberId,
  upstreamStatus,
});

const written = (record: PhoneNumberRecord, upstreamStatus?: number): WriteOutcome => ({
  phoneNumber: record,
  userErrors: [],
  phoneNumberId: record.id,
  upstreamStatus,
});

const notFound = (field: string[]): UserError => ({ code: 'PHONE_NUMBER_NOT_FOUND', field, message: 'No phone number has this ID.' });
const agentNotFound = (field: string[]): UserError => ({ code: 'AGENT_NOT_FOUND', field, message: 'No agent has this ID.' });
const providerNotFound = (field: string[] | null): UserError => ({
  code: 'PROVIDER_NOT_FOUND',
  field,
  message: 'No linked provider matches; check the provider or the Twilio account.',
});
const providerRejected = (field: string[] | null): UserError => ({
  code: 'PROVIDER_REJECTED',
  field,
  message: 'The provider refused: the number may not be in that account, or the account cannot be used.',
});
const alreadyImported: UserError = {
  code: 'ALREADY_IMPORTED',
  field: ['input', 'number'],
  message: 'This number is already imported.',
};
const planLimitReached: UserError = {
  code: 'PLAN_LIMIT_REACHED',
  field: null,
  message: 'No provisioning slot is left this month; numbers deleted this month still count.',
};
const stillAssigned: UserError = {
  code: 'STILL_ASSIGNED',
  field: ['input', 'id'],
  message: 'Unassign the agent from this number before deleting it.',
};

/** Reads right before a write skip every shared cache: the check must see Cartesia's state now. */
const fresh = (context: GatewayContext): CallOptions => ({ ...context.call, fresh: true });

/** Whether the agent exists: the request's agents list first, a fresh one before saying no. */
async function agentExists(context: GatewayContext, id: string): Promise<boolean> {
  if ((await context.agents()).some((agent) => agent.id === id)) return true;
  const list = await context.upstream.listAgents(fresh(context));
  return list.summaries.some((agent) => agent.id === id);
}

async function checkAgent(context: GatewayContext, id: string | null | undefined, field: string[]): Promise<UserError[]> {
  if (!id) return [];
  return (await agentExists(context, id)) ? [] : [agentNotFound(field)];
}

/** The number as Cartesia has it now; null when it has none. */
function current(context: GatewayContext, id: string): Promise<PhoneNumberRecord | null> {
  return context.upstream.getPhoneNumber(id, fresh(context));
}

/** The request's later reads see the write: its loaders forget what they read before. */
function remember(context: GatewayContext, record: PhoneNumberRecord): void {
  context.loaders.byId.clear(record.id).prime(record.id, record);
  context.loaders.page.clearAll();
}

function forget(context: GatewayContext, id: string): void {
  context.loaders.byId.clear(id).prime(id, null);
  context.loaders.page.clearAll();
}

async function sent(
  context: GatewayContext,
  write: () => Promise<PhoneNumberRecord>,
  refusals: Refusals,
  phoneNumberId?: string,
  successStatus = 200,
): Promise<WriteOutcome> {
  const result = await refusable(write, refusals);
  if (!result.ok) return refused([result.userError], phoneNumberId, result.status);
  remember(context, result.value);
  return written(result.value, successStatus);
}

export async function provisionPhoneNumber(context: GatewayContext, input: ProvisionPhoneNumberInput): Promise<WriteOutcome> {
  const check = new InputCheck();
  const label = check.label(input.label, ['input', 'label']);
  check.id(input.agentId, ['input', 'agentId'], 'agent');
  check.idempotencyKey(input.idempotencyKey, ['input', 'idempotencyKey']);
  if (!check.ok) return refused(check.errors);
  const [agentErrors, usage] = await Promise.all([
    checkAgent(context, input.agentId, ['input', 'agentId']),
    context.upstream.getProvisioningUsage(fresh(context)),
  ]);
  const errors = [...agentErrors, ...(usage.remaining > 0 ? [] : [planLimitReached])];
  if (errors.length > 0) return refused(errors);
  const body = { label, ...(input.agentId ? { agent_id: input.agentId } : {}) };
  return sent(context, () => context.upstream.provisionPhoneNumber(body, context.call), {
    404: agentNotFound(['input', 'agentId']),
    409: planLimitReached,
  }, undefined, 201);
}

function importProvider(input: ImportPhoneNumberInput) {
  if (input.providerId) return { id: input.providerId };
  const account = input.twilioAccount!;
  return { type: 'twilio' as const, account_sid: account.accountSid.trim(), region: account.region };
}

export async function importPhoneNumber(context: GatewayContext, input: ImportPhoneNumberInput): Promise<WriteOutcome> {
  const check = new InputCheck();
  const label = check.label(input.label, ['input', 'label']);
  const number = check.e164(input.number, ['input', 'number']);
  check.require(
    Boolean(input.providerId) !== Boolean(input.twilioAccount),
    null,
    'Give either a provider or a Twilio account, not both and not neither.',
  );
  check.id(input.providerId, ['input', 'providerId'], 'provider');
  if (input.twilioAccount) check.twilioAccountSid(input.twilioAccount.accountSid, ['input', 'twilioAccount', 'accountSid']);
  check.id(input.agentId, ['input', 'agentId'], 'agent');
  check.idempotencyKey(input.idempotencyKey, ['input', 'idempotencyKey']);
  if (!check.ok) return refused(check.errors);
  const [agentErrors, matches] = await Promise.all([
    checkAgent(context, input.agentId, ['input', 'agentId']),
    context.upstream.listPhoneNumbers({ q: number, limit: 100 }, fresh(context)),
  ]);
  const errors = [...agentErrors, ...(matches.data.some((record) => record.number === number) ? [alreadyImported] : [])];
  if (errors.length > 0) return refused(errors);
  const providerField = input.providerId ? ['input', 'providerId'] : ['input', 'twilioAccount'];
  const body = { label, number, provider: importProvider(input), ...(input.agentId ? { agent_id: input.agentId } : {}) };
  return sent(context, () => context.upstream.importPhoneNumber(body, context.call), {
    400: providerRejected(providerField),
    404: providerNotFound(providerField),
    409: alreadyImported,
  }, undefined, 201);
}

/** A PATCH of the fields that change; the record as it is when nothing would. */
async function patch(
  context: GatewayContext,
  record: PhoneNumberRecord,
  body: UpdatePhoneNumberBody,
  refusals: Refusals,
): Promise<WriteOutcome> {
  if (Object.keys(body).length === 0) return written(record);
  return sent(context, () => context.upstream.updatePhoneNumber(record.id, body, context.call), refusals, record.id);
}

const providerIdOf = (record: PhoneNumberRecord) => ('id' in record.provider ? record.provider.id : undefined);

export async function updatePhoneNumber(context: GatewayContext, input: UpdatePhoneNumberInput): Promise<WriteOutcome> {
  const check = new InputCheck();
  check.id(input.id, ['input', 'id'], 'phone number');
  const label = input.label === undefined || input.label === null ? undefined : check.label(input.label, ['input', 'label']);
  check.id(input.providerId, ['input', 'providerId'], 'provider');
  check.require(label !== undefined || Boolean(input.providerId), null, 'Give a new label or a provider to change.');
  if (!check.ok) return refused(check.errors, input.id);
  const record = await current(context, input.id);
  if (!record) return refused([notFound(['input', 'id'])], input.id);
  const body: UpdatePhoneNumberBody = {
    ...(label !== undefined && label !== record.label ? { label } : {}),
    ...(input.providerId && input.providerId !== providerIdOf(record) ? { provider: { id: input.providerId } } : {}),
  };
  return patch(context, record, body, {
    400: providerRejected(['input', 'providerId']),
    404: input.providerId ? providerNotFound(['input', 'providerId']) : notFound(['input', 'id']),
  });
}

export async function assignAgentToPhoneNumber(
  context: GatewayContext,
  input: AssignAgentToPhoneNumberInput,
): Promise<WriteOutcome> {
  const check = new InputCheck();
  check.id(input.phoneNumberId, ['input', 'phoneNumberId'], 'phone number');
  check.id(input.agentId, ['input', 'agentId'], 'agent');
  if (!check.ok) return refused(check.errors, input.phoneNumberId);
  const [record, agentErrors] = await Promise.all([
    current(context, input.phoneNumberId),
    checkAgent(context, input.agentId, ['input', 'agentId']),
  ]);
  if (!record) return refused([notFound(['input', 'phoneNumberId'])], input.phoneNumberId);
  if (agentErrors.length > 0) return refused(agentErrors, input.phoneNumberId);
  const body = record.agent?.id === input.agentId ? {} : { agent_id: input.agentId };
  return patch(context, record, body, { 404: agentNotFound(['input', 'agentId']) });
}

export async function unassignAgentFromPhoneNumber(
  context: GatewayContext,
  input: UnassignAgentFromPhoneNumberInput,
): Promise<WriteOutcome> {
  const check = new InputCheck();
  check.id(input.phoneNumberId, ['input', 'phoneNumberId'], 'phone number');
  if (!check.ok) return refused(check.errors, input.phoneNumberId);
  const record = await current(context, input.phoneNumberId);
  if (!record) return refused([notFound(['input', 'phoneNumberId'])], input.phoneNumberId);
  return patch(context, record, record.agent ? { agent_id: null } : {}, { 404: notFound(['input', 'phoneNumberId']) });
}

export async function deletePhoneNumber(context: GatewayContext, input: DeletePhoneNumberInput): Promise<WriteOutcome> {
  const check = new InputCheck();
  check.id(input.id, ['input', 'id'], 'phone number');
  if (!check.ok) return refused(check.errors, input.id);
  const record = await current(context, input.id);
  if (!record) return refused([notFound(['input', 'id'])], input.id);
  if (record.agent) return refused([stillAssigned], input.id);
  const result = await refusable(() => context.upstream.deletePhoneNumber(input.id, context.call), { 409: stillAssigned });
  if (!result.ok) return refused([result.userError], input.id, result.status);
  // A 404 here means it is gone already (a retried DELETE whose first attempt landed): what was asked for.
  forget(context, input.id);
  return { phoneNumber: null, deletedPhoneNumberId: input.id, userErrors: [], phoneNumberId: input.id, upstreamStatus: 204 };
}
