import type { PhoneNumberRecord } from '../../src/cartesia/types';
import { startTestStack, type TestStack } from '../helpers/gateway';

// Every mutation over real HTTP against the demo upstream: what it changes
// upstream, what its payload says, and every user error, each costing no
// write where the gateway can tell before writing.

const RESULT = /* GraphQL */ `
  phoneNumber { id label number agent { id name } provider { __typename ... on TwilioProvider { id } } }
  userErrors { code field message }
  clientMutationId
`;
const PROVISION = `mutation($input: ProvisionPhoneNumberInput!) { provisionPhoneNumber(input: $input) { ${RESULT} phoneNumberEdge { cursor node { id } } } }`;
const IMPORT = `mutation($input: ImportPhoneNumberInput!) { importPhoneNumber(input: $input) { ${RESULT} phoneNumberEdge { cursor node { id } } } }`;
const UPDATE = `mutation($input: UpdatePhoneNumberInput!) { updatePhoneNumber(input: $input) { ${RESULT} } }`;
const ASSIGN = `mutation($input: AssignAgentToPhoneNumberInput!) { assignAgentToPhoneNumber(input: $input) { ${RESULT} } }`;
const UNASSIGN = `mutation($input: UnassignAgentFromPhoneNumberInput!) { unassignAgentFromPhoneNumber(input: $input) { ${RESULT} } }`;
const DELETE = `mutation($input: DeletePhoneNumberInput!) { deletePhoneNumber(input: $input) { deletedPhoneNumberId userErrors { code field message } clientMutationId } }`;

interface UserError {
  code: string;
  field: string[] | null;
  message: string;
}
interface Result {
  phoneNumber: (PhoneNumberRecord & { provider: { __typename: string; id?: string } }) | null;
  userErrors: UserError[];
  clientMutationId: string | null;
  phoneNumberEdge?: { cursor: string; node: { id: string } } | null;
  deletedPhoneNumberId?: string | null;
}

let stack: TestStack;

beforeEach(async () => {
  stack = await startTestStack({ upstream: { provisioning: { limit: 10, used: 7 } } });
});
afterEach(() => stack.close());

async function mutate(document: string, input: Record<string, unknown>): Promise<Result> {
  const data = await stack.data<Record<string, Result>>(document, { input });
  return Object.values(data)[0]!;
}

const writes = () => stack.upstream.requests.filter((request) => request.method !== 'GET');
const assigned = () => stack.upstream.records.find((record) => record.agent)!;
const unassigned = () => stack.upstream.records.find((record) => !record.agent)!;
const twilio = () => stack.upstream.twilioProviders[0]!;
const importable = (index = 1) => stack.upstream.importableNumbers.get(twilio().id)![index]!;
const unusedAgent = () => stack.upstream.agents.find((agent) => !stack.upstream.records.some((r) => r.agent?.id === agent.id))!;
const codes = (result: Result) => result.userErrors.map((error) => error.code);

describe('provisionPhoneNumber', () => {
  it('provisions a Cartesia number with an agent, returns it with its edge, and uses a slot', async () => {
    const agent = unusedAgent();
    const result = await mutate(PROVISION, { label: '  Sales line ', agentId: agent.id, clientMutationId: 'c-1' });
    expect(result.userErrors).toEqual([]);
    expect(result.clientMutationId).toBe('c-1');
    expect(result.phoneNumber).toMatchObject({ label: 'Sales line', agent: { id: agent.id, name: agent.name } });
    expect(result.phoneNumber!.provider.__typename).toBe('CartesiaProvider');
    expect(result.phoneNumberEdge!.node.id).toBe(result.phoneNumber!.id);
    expect(stack.upstream.records[0]!.id).toBe(result.phoneNumber!.id);
    expect(stack.upstream.provisioningUsage.remaining).toBe(2);
    expect(writes()).toHaveLength(1);
  });

  it('is PLAN_LIMIT_REACHED with no write when no slot is left', async () => {
    await stack.close();
    stack = await startTestStack({ upstream: { provisioning: { limit: 3, used: 3 } } });
    const result = await mutate(PROVISION, { label: 'One more' });
    expect(codes(result)).toEqual(['PLAN_LIMIT_REACHED']);
    expect(result.phoneNumber).toBeNull();
    expect(writes()).toEqual([]);
  });

  it('is AGENT_NOT_FOUND with no write for an unknown agent', async () => {
    const result = await mutate(PROVISION, { label: 'Support', agentId: 'agent_doesnotexist' });
    expect(result.userErrors).toEqual([expect.objectContaining({ code: 'AGENT_NOT_FOUND', field: ['input', 'agentId'] })]);
    expect(writes()).toEqual([]);
  });

  it.each([
    ['an empty label', { label: '   ' }, ['input', 'label']],
    ['an overlong label', { label: 'x'.repeat(256) }, ['input', 'label']],
    ['an agent id that is no id', { label: 'ok', agentId: '../../etc' }, ['input', 'agentId']],
    ['an empty idempotency key', { label: 'ok', idempotencyKey: '' }, ['input', 'idempotencyKey']],
  ])('is INVALID for %s, costing no upstream call', async (_name, input, field) => {
    const result = await mutate(PROVISION, input);
    expect(result.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field })]);
    expect(stack.upstream.requests).toEqual([]);
  });
});

describe('importPhoneNumber', () => {
  it('imports by provider id and by Twilio account', async () => {
    const byId = await mutate(IMPORT, { label: 'Imported', number: importable(1), providerId: twilio().id });
    expect(byId.userErrors).toEqual([]);
    expect(byId.phoneNumber).toMatchObject({ number: importable(1), provider: { __typename: 'TwilioProvider', id: twilio().id } });
    const account = { accountSid: twilio().account_sid, region: twilio().region.toUpperCase() };
    const byAccount = await mutate(IMPORT, { label: 'Imported 2', number: importable(2), twilioAccount: account });
    expect(byAccount.userErrors).toEqual([]);
    expect(stack.upstream.records.filter((r) => [importable(1), importable(2)].includes(r.number))).toHaveLength(2);
  });

  it('is ALREADY_IMPORTED with no write for a number the account holds', async () => {
    const result = await mutate(IMPORT, { label: 'Again', number: stack.upstream.records[5]!.number, providerId: twilio().id });
    expect(codes(result)).toEqual(['ALREADY_IMPORTED']);
    expect(writes()).toEqual([]);
  });

  it('maps Cartesia refusals: PROVIDER_NOT_FOUND (404), PROVIDER_REJECTED (400)', async () => {
    const unknown = await mutate(IMPORT, { label: 'x', number: importable(1), providerId: 'tp_unknown' });
    expect(unknown.userErrors).toEqual([expect.objectContaining({ code: 'PROVIDER_NOT_FOUND', field: ['input', 'providerId'] })]);
    const notInAccount = await mutate(IMPORT, { label: 'x', number: '+14155550000', providerId: twilio().id });
    expect(codes(notInAccount)).toEqual(['PROVIDER_REJECTED']);
    // The gateway's own sentence, never Cartesia's text.
    expect(notInAccount.userErrors[0]!.message).toMatch(/^The provider refused/);
  });

  it.each([
    ['a number not in E.164', { number: '4155551234', providerId: 'tp_x' }, ['input', 'number']],
    ['both providerId and twilioAccount', { number: '+14155551234', providerId: 'tp_x', twilioAccount: { accountSid: `AC${'0'.repeat(32)}`, region: 'US1' } }, null],
    ['neither providerId nor twilioAccount', { number: '+14155551234' }, null],
    ['a malformed account SID', { number: '+14155551234', twilioAccount: { accountSid: 'AC123', region: 'US1' } }, ['input', 'twilioAccount', 'accountSid']],
  ])('is INVALID for %s, costing no upstream call', async (_name, input, field) => {
    const result = await mutate(IMPORT, { label: 'x', ...input });
    expect(result.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field })]);
    expect(stack.upstream.requests).toEqual([]);
  });
});

describe('updatePhoneNumber, assign, unassign', () => {
  it('relabels, and a relabel to the same label writes nothing', async () => {
    const record = unassigned();
    const result = await mutate(UPDATE, { id: record.id, label: 'Renamed', clientMutationId: 'r' });
    expect(result).toMatchObject({ phoneNumber: { id: record.id, label: 'Renamed' }, userErrors: [], clientMutationId: 'r' });
    expect(stack.upstream.records.find((r) => r.id === record.id)!.label).toBe('Renamed');
    await mutate(UPDATE, { id: record.id, label: 'Renamed' });
    expect(writes()).toHaveLength(1);
  });

  it('is PHONE_NUMBER_NOT_FOUND for an unknown number, and INVALID with nothing to change', async () => {
    expect(codes(await mutate(UPDATE, { id: 'pn_missing', label: 'x' }))).toEqual(['PHONE_NUMBER_NOT_FOUND']);
    const nothing = await mutate(UPDATE, { id: unassigned().id });
    expect(nothing.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: null })]);
    expect(writes()).toEqual([]);
  });

  it('moving to an unknown provider is PROVIDER_NOT_FOUND', async () => {
    const record = stack.upstream.records.find((r) => r.provider.type === 'twilio')!;
    expect(codes(await mutate(UPDATE, { id: record.id, providerId: 'tp_unknown' }))).toEqual(['PROVIDER_NOT_FOUND']);
  });

  it('assigns and unassigns an agent, answering with the number as it is now', async () => {
    const record = unassigned();
    const agent = unusedAgent();
    const on = await mutate(ASSIGN, { phoneNumberId: record.id, agentId: agent.id });
    expect(on.phoneNumber!.agent).toEqual({ id: agent.id, name: agent.name });
    const off = await mutate(UNASSIGN, { phoneNumberId: record.id });
    expect(off.phoneNumber!.agent).toBeNull();
    expect(stack.upstream.records.find((r) => r.id === record.id)!.agent).toBeNull();
    // Already unassigned: nothing to write.
    await mutate(UNASSIGN, { phoneNumberId: record.id });
    expect(writes()).toHaveLength(2);
  });

  it('assign is AGENT_NOT_FOUND or PHONE_NUMBER_NOT_FOUND with no write', async () => {
    expect(codes(await mutate(ASSIGN, { phoneNumberId: unassigned().id, agentId: 'agent_nobody' }))).toEqual(['AGENT_NOT_FOUND']);
    expect(codes(await mutate(ASSIGN, { phoneNumberId: 'pn_missing', agentId: unusedAgent().id }))).toEqual(['PHONE_NUMBER_NOT_FOUND']);
    expect(codes(await mutate(UNASSIGN, { phoneNumberId: 'pn_missing' }))).toEqual(['PHONE_NUMBER_NOT_FOUND']);
    expect(writes()).toEqual([]);
  });
});

describe('deletePhoneNumber', () => {
  it('is STILL_ASSIGNED with no write while an agent is assigned, then deletes once unassigned', async () => {
    const record = assigned();
    expect(codes(await mutate(DELETE, { id: record.id }))).toEqual(['STILL_ASSIGNED']);
    expect(writes()).toEqual([]);
    await mutate(UNASSIGN, { phoneNumberId: record.id });
    const result = await mutate(DELETE, { id: record.id, clientMutationId: 'd' });
    expect(result).toEqual({ deletedPhoneNumberId: record.id, userErrors: [], clientMutationId: 'd' });
    expect(stack.upstream.records.some((r) => r.id === record.id)).toBe(false);
    expect(codes(await mutate(DELETE, { id: record.id }))).toEqual(['PHONE_NUMBER_NOT_FOUND']);
  });
});

describe('an operation with several mutations', () => {
  it('applies them one after another, each seeing the one before', async () => {
    const record = assigned();
    const data = await stack.data<Record<string, Result>>(
      `mutation($id: ID!) {
        off: unassignAgentFromPhoneNumber(input: { phoneNumberId: $id }) { phoneNumber { agent { id } } userErrors { code } }
        gone: deletePhoneNumber(input: { id: $id }) { deletedPhoneNumberId userErrors { code } }
      }`,
      { id: record.id },
    );
    expect(data.off!.userErrors).toEqual([]);
    expect(data.gone!).toEqual({ deletedPhoneNumberId: record.id, userErrors: [] });
    expect(writes().map((w) => w.method)).toEqual(['PATCH', 'DELETE']);
  });

  it('refuses more than GRAPHQL_MAX_MUTATIONS with TOO_MANY_MUTATIONS before anything runs', async () => {
    const fields = Array.from({ length: 6 }, (_, i) => `m${i}: provisionPhoneNumber(input: { label: "x${i}" }) { userErrors { code } }`);
    const response = await stack.query(`mutation { ${fields.join('\n')} }`);
    expect(response.body.errors![0]!.extensions!.code).toBe('TOO_MANY_MUTATIONS');
    expect(stack.upstream.requests).toEqual([]);
  });
});

describe('the audit log', () => {
  it('writes one line per mutation with who, what, which number and how it ended; no token', async () => {
    const record = assigned();
    await mutate(DELETE, { id: record.id });
    const line = await stack.logs.waitFor((entry) => (entry.audit as { mutation?: string } | undefined)?.mutation === 'deletePhoneNumber');
    expect(line.audit).toEqual({
      requestId: expect.any(String),
      client: expect.stringMatching(/^ip:/),
      mutation: 'deletePhoneNumber',
      phoneNumberId: record.id,
      outcome: 'user_error',
      userErrorCodes: ['STILL_ASSIGNED'],
    });
    const metrics = await (await fetch(stack.gateway.metricsUrl!)).text();
    expect(metrics).toMatch(/gateway_mutations_total\{mutation="deletePhoneNumber",outcome="user_error"\} 1/);
  });
});
