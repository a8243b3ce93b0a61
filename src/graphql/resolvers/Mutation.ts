import type { MutationResolvers } from '../../__generated__/resolvers-types';
import type { GatewayContext } from '../context';
import { errorCodeOf } from '../errors';
import type { AuditEntry } from '../mutations/audit';
import { withIdempotencyKey } from '../mutations/idempotency';
import { isOutcomeUnknown } from '../mutations/upstream-refusals';
import * as writes from '../mutations/phone-number-writes';
import type { WriteOutcome } from '../mutations/phone-number-writes';
import { encodeCursor } from '../relay/cursor';

type MutationName = keyof MutationResolvers;

/** A write's outcome as its payload: the edge for created numbers, the echoed clientMutationId. */
function payload(outcome: WriteOutcome, clientMutationId: string | null | undefined) {
  const record = outcome.phoneNumber;
  return {
    phoneNumber: record,
    phoneNumberEdge: record ? { cursor: encodeCursor(record.id), node: record } : null,
    deletedPhoneNumberId: outcome.deletedPhoneNumberId ?? null,
    userErrors: outcome.userErrors,
    clientMutationId: clientMutationId ?? null,
  };
}

function audited(context: GatewayContext, mutation: MutationName, entry: Partial<AuditEntry> & Pick<AuditEntry, 'outcome'>) {
  context.audit({
    requestId: context.requestId,
    client: context.principal.client,
    mutation,
    userErrorCodes: [],
    ...entry,
  });
}

/** Runs one write with its audit line, whatever the end. */
async function run(
  context: GatewayContext,
  mutation: MutationName,
  phoneNumberId: string | undefined,
  write: () => Promise<{ outcome: WriteOutcome; replayed: boolean }>,
): Promise<WriteOutcome> {
  try {
    const { outcome, replayed } = await write();
    const failed = outcome.userErrors.length > 0;
    audited(context, mutation, {
      phoneNumberId: outcome.phoneNumberId ?? phoneNumberId,
      outcome: replayed ? 'replayed' : failed ? 'user_error' : 'ok',
      userErrorCodes: outcome.userErrors.map((error) => error.code),
      upstreamStatus: replayed ? undefined : outcome.upstreamStatus,
    });
    return outcome;
  } catch (error) {
    audited(context, mutation, { phoneNumberId, outcome: 'error', errorCode: errorCodeOf(error) });
    throw error;
  }
}

const once = (write: () => Promise<WriteOutcome>) => async () => ({ outcome: await write(), replayed: false });

/**
 * A create with an optional idempotency key. Only answers that followed a
 * write are kept: a refusal from the gateway's own checks is not, so the
 * same key works once the input is fixed.
 */
function keyed<I extends { idempotencyKey?: string | null; clientMutationId?: string | null }>(
  context: GatewayContext,
  mutation: MutationName,
  input: I,
  write: (input: I) => Promise<WriteOutcome>,
) {
  return async () => {
    if (!input.idempotencyKey) return { outcome: await write(input), replayed: false };
    const { clientMutationId: _echoed, ...rest } = input;
    const result = await withIdempotencyKey({
      store: context.idempotency,
      scope: [context.principal.client, mutation, input.idempotencyKey],
      input: rest,
      deadlineAt: context.call.deadlineAt ?? Date.now() + 15_000,
      run: () => write(input),
      keep: (outcome) => outcome.upstreamStatus !== undefined,
      mayHaveWritten: isOutcomeUnknown,
    });
    if (result.kind === 'reused') return { outcome: { phoneNumber: null, userErrors: [result.error] }, replayed: false };
    return { outcome: result.value, replayed: result.replayed };
  };
}

export const Mutation: MutationResolvers = {
  provisionPhoneNumber: async (_parent, { input }, context) =>
    payload(
      await run(context, 'provisionPhoneNumber', undefined, keyed(context, 'provisionPhoneNumber', input, (i) => writes.provisionPhoneNumber(context, i))),
      input.clientMutationId,
    ),
  importPhoneNumber: async (_parent, { input }, context) =>
    payload(
      await run(context, 'importPhoneNumber', undefined, keyed(context, 'importPhoneNumber', input, (i) => writes.importPhoneNumber(context, i))),
      input.clientMutationId,
    ),
  updatePhoneNumber: async (_parent, { input }, context) =>
    payload(await run(context, 'updatePhoneNumber', input.id, once(() => writes.updatePhoneNumber(context, input))), input.clientMutationId),
  assignAgentToPhoneNumber: async (_parent, { input }, context) =>
    payload(
      await run(context, 'assignAgentToPhoneNumber', input.phoneNumberId, once(() => writes.assignAgentToPhoneNumber(context, input))),
      input.clientMutationId,
    ),
  unassignAgentFromPhoneNumber: async (_parent, { input }, context) =>
    payload(
      await run(context, 'unassignAgentFromPhoneNumber', input.phoneNumberId, once(() => writes.unassignAgentFromPhoneNumber(context, input))),
      input.clientMutationId,
    ),
  deletePhoneNumber: async (_parent, { input }, context) =>
    payload(await run(context, 'deletePhoneNumber', input.id, once(() => writes.deletePhoneNumber(context, input))), input.clientMutationId),
};
