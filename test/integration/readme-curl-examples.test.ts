import { readFileSync } from 'node:fs';
import path from 'node:path';
import { postGraphQLBody, startTestStack, type TestStack } from '../helpers/gateway';

// The README's curl examples for every mutation, run in their order against a
// gateway on the demo data (the data `npm start` serves with no key), so the
// docs a newcomer copies keep working. `pn_...` and `agent_...` stand for the
// number the first example provisions and an agent of the account.

const README = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');

/** The JSON bodies of the `curl ... -d '<body>'` lines of the demo-mode curl block, in order. */
function curlBodies(): Array<{ query: string; variables?: Record<string, unknown> }> {
  const block = /With curl \(demo mode[^\n]*\n+```sh\n([\s\S]*?)```/.exec(README)?.[1];
  if (!block) throw new Error('README has no "With curl (demo mode" block');
  return block
    .split('\n')
    .map((line) => /^curl .* -d '(.*)'$/.exec(line)?.[1])
    .filter((body): body is string => body !== undefined)
    .map((body) => JSON.parse(body));
}

const userErrorsOf = (data: Record<string, unknown>) =>
  Object.values(data).flatMap((field) => (field as { userErrors?: unknown[] } | null)?.userErrors ?? []);

describe('the README curl examples', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.close());

  it('cover every mutation of the schema', () => {
    const documented = curlBodies().map((body) => /^mutation[^{]*\{\s*(\w+)/.exec(body.query)?.[1]);
    expect(documented.filter(Boolean).sort()).toEqual(
      [
        'assignAgentToPhoneNumber',
        'deletePhoneNumber',
        'importPhoneNumber',
        'provisionPhoneNumber',
        'unassignAgentFromPhoneNumber',
        'updatePhoneNumber',
      ].sort(),
    );
  });

  it('all succeed in order on the demo data, with no error and no user error', async () => {
    const agentId = stack.upstream.agents[0]!.id;
    let numberId: string | undefined;
    const writesBefore = stack.upstream.requests.filter((request) => request.method !== 'GET').length;
    for (const body of curlBodies()) {
      const text = JSON.stringify(body)
        .replaceAll('pn_...', numberId ?? 'pn_...')
        .replaceAll('agent_...', agentId);
      const response = await postGraphQLBody<Record<string, unknown>>(stack.url, JSON.parse(text));
      expect({ query: body.query, errors: response.body.errors }).toEqual({ query: body.query, errors: undefined });
      expect({ query: body.query, userErrors: userErrorsOf(response.body.data!) }).toEqual({
        query: body.query,
        userErrors: [],
      });
      numberId ??= (response.body.data as { provisionPhoneNumber?: { phoneNumber: { id: string } } })
        .provisionPhoneNumber?.phoneNumber.id;
    }
    expect(numberId).toMatch(/\S/);
    expect(stack.upstream.records.some((record) => record.id === numberId)).toBe(false);
    // provision, import, relabel, assign, unassign, delete: one upstream write each.
    expect(stack.upstream.requests.filter((request) => request.method !== 'GET').length - writesBefore).toBe(6);
  });
});
