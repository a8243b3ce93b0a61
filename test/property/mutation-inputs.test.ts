import fc from 'fast-check';
import { startTestStack, type TestStack } from '../helpers/gateway';

// Random inputs to every mutation: never an internal error, and input the
// gateway's own rules reject never reaches the upstream.

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

const text = fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('', ' ', '+14155551234', 'pn_x', '../x', 'x'.repeat(256)));
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const IMPORT = `mutation($input: ImportPhoneNumberInput!) { importPhoneNumber(input: $input) { phoneNumber { id } userErrors { code field } } }`;
const PROVISION = `mutation($input: ProvisionPhoneNumberInput!) { provisionPhoneNumber(input: $input) { phoneNumber { id } userErrors { code field } } }`;
const UPDATE = `mutation($input: UpdatePhoneNumberInput!) { updatePhoneNumber(input: $input) { phoneNumber { id } userErrors { code field } } }`;

async function send(document: string, input: Record<string, unknown>) {
  const before = stack.upstream.requestCount;
  const response = await stack.query(document, { input });
  const codes = (response.body.errors ?? []).map((e) => e.extensions?.code);
  expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
  const payload = response.body.data ? (Object.values(response.body.data)[0] as { userErrors: { code: string }[] } | null) : null;
  if (payload?.userErrors.some((e) => e.code === 'INVALID')) expect(stack.upstream.requestCount).toBe(before);
}

it('import: any input gives user errors or an answer, never an internal error; INVALID costs no call', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        label: text,
        number: text,
        providerId: maybe(text),
        twilioAccount: maybe(fc.record({ accountSid: text, region: fc.constantFrom('US1', 'IE1', 'AU1') })),
        agentId: maybe(text),
        idempotencyKey: maybe(text),
      }),
      (input) => send(IMPORT, input),
    ),
    { numRuns: 40 },
  );
});

it('provision and update: the same', async () => {
  await fc.assert(
    fc.asyncProperty(fc.record({ label: text, agentId: maybe(text), idempotencyKey: maybe(text) }), (input) =>
      send(PROVISION, { ...input, label: input.label.trim() ? '' : input.label }),
    ),
    { numRuns: 25 },
  );
  await fc.assert(
    fc.asyncProperty(fc.record({ id: text, label: maybe(text), providerId: maybe(text) }), (input) => send(UPDATE, input)),
    { numRuns: 40 },
  );
});
