import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import vm from 'node:vm';
import ts from 'typescript';
import { postGraphQL, startTestStack, type TestStack } from '../helpers/gateway';

// relay-compiler (its native binary from the npm package) compiles the Relay
// example against the committed printed schema; the operations it generates
// then run against the real gateway. relay-runtime is not installed, so the
// mutations' store updates are checked from both ends: the artifacts carry
// the handles @prependEdge / @deleteRecord compile to (read from the
// artifact's own AST), and the gateway's answers to the compiled text carry
// the fields those handles read.

const ROOT = path.resolve(__dirname, '../..');
const RELAY_COMPILER = path.join(ROOT, 'node_modules/.bin/relay-compiler');
const EXAMPLE = path.join(ROOT, 'examples/relay');
const run = promisify(execFile);

/** A copy of the example (committed config, sources, printed schema) in a temp dir, compiled there. */
async function compileExample(extraFiles: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'pngw-relay-'));
  cpSync(path.join(EXAMPLE, 'src'), path.join(dir, 'src'), { recursive: true });
  for (const [name, content] of Object.entries(extraFiles)) writeFileSync(path.join(dir, 'src', name), content);
  cpSync(path.join(ROOT, 'schema/printed/schema.graphql'), path.join(dir, 'schema.graphql'));
  const config = JSON.parse(readFileSync(path.join(EXAMPLE, 'relay.config.json'), 'utf8'));
  writeFileSync(path.join(dir, 'relay.config.json'), JSON.stringify({ ...config, schema: './schema.graphql' }));
  const artifacts = path.join(dir, config.artifactDirectory);
  mkdirSync(artifacts, { recursive: true });
  const result = await run(RELAY_COMPILER, ['--noWatchman', '--output', 'quiet-with-errors'], { cwd: dir }).then(
    ({ stdout, stderr }) => ({ ok: true, output: stdout + stderr }),
    (error: { stdout?: string; stderr?: string }) => ({
      ok: false,
      output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
    }),
  );
  return { dir, artifacts, ...result };
}

/** The parts of relay-runtime's generated AST (ConcreteRequest / ReaderFragment) the tests read. */
interface Selection {
  kind: string;
  name?: string;
  handle?: string;
  handleArgs?: unknown[];
  selections?: Selection[];
}
interface Artifact {
  kind: string;
  selections?: Selection[];
  operation?: { argumentDefinitions: { name: string }[]; selections: Selection[] };
  params?: { operationKind: string; text: string };
}

/**
 * An artifact's default export, evaluated: artifacts are plain data. Their
 * relay-runtime imports are type-only; a refetchable fragment imports its
 * query's artifact, which is loaded the same way.
 */
function loadArtifact(file: string): Artifact {
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  const module = { exports: {} as { default?: Artifact } };
  const require = (name: string) => {
    if (!name.startsWith('./')) throw new Error(`artifact ${file} imports ${name} at runtime`);
    return { __esModule: true, default: loadArtifact(path.join(path.dirname(file), `${name}.ts`)) };
  };
  vm.runInNewContext(outputText, { module, exports: module.exports, require });
  if (!module.exports.default) throw new Error(`artifact ${file} has no default export`);
  return module.exports.default;
}

/** The dotted path of every field in a selection tree (a connection field is named by its store key). */
function fieldPaths(selections: readonly Selection[], path: string[] = []): string[] {
  return selections.flatMap((selection) => {
    // Inline fragments and client extensions group fields without adding a level.
    if (!selection.name || selection.kind === 'InlineFragment') return fieldPaths(selection.selections ?? [], path);
    const here = [...path, selection.name];
    return [here.join('.'), ...fieldPaths(selection.selections ?? [], here)];
  });
}

/** Every store handle in a selection tree, with the path of the field it is on. */
function handlesIn(
  selections: readonly Selection[],
  path: string[] = [],
): { field: string; handle: string; args: unknown[] }[] {
  return selections.flatMap((selection) => {
    const here = selection.name && selection.kind !== 'InlineFragment' ? [...path, selection.name] : path;
    const own = selection.handle
      ? [{ field: here.join('.'), handle: selection.handle, args: selection.handleArgs ?? [] }]
      : [];
    return [...own, ...handlesIn(selection.selections ?? [], here)];
  });
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('relay-compiler on examples/relay', () => {
  let compiled: Awaited<ReturnType<typeof compileExample>>;
  let stack: TestStack;
  beforeAll(async () => {
    [compiled, stack] = await Promise.all([compileExample(), startTestStack()]);
    dirs.push(compiled.dir);
  });
  afterAll(() => stack.close());

  const artifact = (name: string) => loadArtifact(path.join(compiled.artifacts, `${name}.graphql.ts`));
  /** The operation text relay-compiler generated: what a Relay network layer sends. */
  const operationText = (name: string) => artifact(name).params!.text;

  it('compiles the @connection pagination fragment and the @refetchable PhoneNumber fragment', () => {
    expect(compiled.output).toBe('');
    expect(compiled.ok).toBe(true);
    expect(readdirSync(compiled.artifacts).sort()).toEqual([
      'AssignAgentToPhoneNumberMutation.graphql.ts',
      'DeletePhoneNumberMutation.graphql.ts',
      'ImportPhoneNumberMutation.graphql.ts',
      'PhoneNumberListPaginationQuery.graphql.ts',
      'PhoneNumberListScreenQuery.graphql.ts',
      'PhoneNumberList_query.graphql.ts',
      'PhoneNumberRowRefetchQuery.graphql.ts',
      'PhoneNumberRow_phoneNumber.graphql.ts',
      'ProvisionPhoneNumberMutation.graphql.ts',
      'UnassignAgentFromPhoneNumberMutation.graphql.ts',
      'UpdatePhoneNumberMutation.graphql.ts',
    ]);
  });

  it('generates a pagination query the gateway answers, page after page', async () => {
    const text = operationText('PhoneNumberListPaginationQuery');
    type Page = {
      phoneNumbers: { edges: { node: { id: string } }[]; pageInfo: { endCursor: string; hasNextPage: boolean } };
    };
    const first = await postGraphQL<Page>(stack.url, text, { count: 3 });
    expect(first.body.errors).toBeUndefined();
    const next = await postGraphQL<Page>(stack.url, text, {
      count: 3,
      cursor: first.body.data!.phoneNumbers.pageInfo.endCursor,
    });
    const ids = [first, next].flatMap((page) => page.body.data!.phoneNumbers.edges.map((edge) => edge.node.id));
    expect(ids).toEqual(stack.upstream.records.slice(0, 6).map((r) => r.id));
  });

  it('generates a refetch query through Query.node that the gateway answers', async () => {
    const text = operationText('PhoneNumberRowRefetchQuery');
    expect(text).toMatch(/node\(id: \$id\)/);
    const record = stack.upstream.records[3]!;
    const response = await postGraphQL<{ node: { id: string; number: string } }>(stack.url, text, { id: record.id });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.node).toMatchObject({ __typename: 'PhoneNumber', id: record.id, number: record.number });
  });

  it('compiles @prependEdge and @deleteRecord into store handles; the sent text keeps neither', () => {
    const connections = [{ kind: 'Variable', name: 'connections', variableName: 'connections' }];
    for (const [name, root] of [
      ['ProvisionPhoneNumberMutation', 'provisionPhoneNumber'],
      ['ImportPhoneNumberMutation', 'importPhoneNumber'],
    ] as const) {
      const request = artifact(name);
      expect(handlesIn(request.operation!.selections)).toEqual([
        { field: `${root}.phoneNumberEdge`, handle: 'prependEdge', args: connections },
      ]);
      expect(request.operation!.argumentDefinitions.map((argument) => argument.name).sort()).toEqual([
        'connections',
        'input',
      ]);
      // $connections is the client's business: the server never sees it or the directive.
      expect(request.params!.text).not.toMatch(/connections|@/);
    }
    const deletion = artifact('DeletePhoneNumberMutation');
    expect(handlesIn(deletion.operation!.selections)).toEqual([
      { field: 'deletePhoneNumber.deletedPhoneNumberId', handle: 'deleteRecord', args: [] },
    ]);
    expect(deletion.params!.text).not.toMatch(/@/);
    // The list fragment selects its connection's store id, the value the screen passes as $connections.
    expect(fieldPaths(artifact('PhoneNumberList_query').selections!)).toContain(
      '__PhoneNumberList_phoneNumbers_connection.__id',
    );
  });

  /** Variables as Relay's network layer sends them: $connections included (the gateway ignores an undeclared one). */
  const LIST_CONNECTION = ['client:root:__PhoneNumberList_phoneNumbers_connection'];
  type CreatePayload = {
    phoneNumberEdge: { cursor: string; node: { id: string; label: string; number: string } } | null;
    userErrors: { code: string; field: string[] | null }[];
  };
  type FirstPage = { phoneNumbers: { edges: { cursor: string; node: { id: string } }[] } };

  /** The first edge of the list as the pagination query reads it now. */
  async function firstListEdge() {
    const page = await postGraphQL<FirstPage>(stack.url, operationText('PhoneNumberListPaginationQuery'), { count: 1 });
    return page.body.data!.phoneNumbers.edges[0]!;
  }

  it.each([
    ['ProvisionPhoneNumberMutation', 'provisionPhoneNumber', () => ({ label: 'Relay line' })],
    [
      'ImportPhoneNumberMutation',
      'importPhoneNumber',
      () => {
        const link = stack.upstream.twilioProviders[0]!;
        return {
          label: 'Relay import',
          number: stack.upstream.importableNumbers.get(link.id)![2]!,
          providerId: link.id,
        };
      },
    ],
  ] as const)(
    '%s: the gateway answers with the edge @prependEdge inserts, the one the list now starts with',
    async (name, root, input) => {
      const response = await postGraphQL<Record<string, CreatePayload>>(stack.url, operationText(name), {
        input: input(),
        connections: LIST_CONNECTION,
      });
      expect(response.body.errors).toBeUndefined();
      const payload = response.body.data![root]!;
      expect(payload.userErrors).toEqual([]);
      // prependEdge links the edge's node by id, and the row fragment renders it from the same payload.
      const edge = payload.phoneNumberEdge!;
      expect(edge.node).toMatchObject({ id: stack.upstream.records[0]!.id, number: stack.upstream.records[0]!.number });
      expect(edge.node.label).toMatch(/^Relay /);
      expect(edge.node).toHaveProperty('provider.__typename');
      // Prepending is right because the server lists it first too, under the same cursor.
      const first = await firstListEdge();
      expect({ cursor: first.cursor, id: first.node.id }).toEqual({ cursor: edge.cursor, id: edge.node.id });
    },
  );

  it('a create with user errors has no edge: @prependEdge has nothing to insert', async () => {
    const response = await postGraphQL<{ provisionPhoneNumber: CreatePayload }>(
      stack.url,
      operationText('ProvisionPhoneNumberMutation'),
      { input: { label: ' ' }, connections: LIST_CONNECTION },
    );
    expect(response.body.data!.provisionPhoneNumber).toMatchObject({
      phoneNumberEdge: null,
      userErrors: [{ code: 'INVALID', field: ['input', 'label'] }],
    });
  });

  it('DeletePhoneNumberMutation: deletedPhoneNumberId is the record id @deleteRecord removes; null when refused', async () => {
    type DeletePayload = { deletePhoneNumber: { deletedPhoneNumberId: string | null; userErrors: { code: string }[] } };
    const text = operationText('DeletePhoneNumberMutation');
    const record = stack.upstream.records.find((r) => !r.agent)!;
    const deleted = await postGraphQL<DeletePayload>(stack.url, text, { input: { id: record.id } });
    expect(deleted.body.data!.deletePhoneNumber).toEqual({
      deletedPhoneNumberId: record.id,
      userErrors: [],
      clientMutationId: null,
    });
    // The id is the one Relay stored the record under: Query.node no longer finds it.
    const refetch = await postGraphQL<{ node: unknown }>(stack.url, operationText('PhoneNumberRowRefetchQuery'), {
      id: record.id,
    });
    expect(refetch.body.data!.node).toBeNull();

    const assigned = stack.upstream.records.find((r) => r.agent)!;
    const refused = await postGraphQL<DeletePayload>(stack.url, text, { input: { id: assigned.id } });
    expect(refused.body.data!.deletePhoneNumber.deletedPhoneNumberId).toBeNull();
    expect(refused.body.data!.deletePhoneNumber.userErrors.map((error) => error.code)).toEqual(['STILL_ASSIGNED']);
  });

  it('update, assign and unassign answer with the number by id, which Relay merges into its record', async () => {
    type Payload = {
      phoneNumber: { id: string; label: string | null; agent: { id: string } | null } | null;
      userErrors: unknown[];
    };
    const run = async (name: string, root: string, input: Record<string, unknown>) => {
      const response = await postGraphQL<Record<string, Payload>>(stack.url, operationText(name), { input });
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data![root]!.userErrors).toEqual([]);
      return response.body.data![root]!.phoneNumber!;
    };
    const record = stack.upstream.records.find((r) => !r.agent)!;
    const agent = stack.upstream.agents[0]!;
    expect(
      await run('UpdatePhoneNumberMutation', 'updatePhoneNumber', { id: record.id, label: 'Relay relabel' }),
    ).toMatchObject({
      id: record.id,
      label: 'Relay relabel',
    });
    expect(
      await run('AssignAgentToPhoneNumberMutation', 'assignAgentToPhoneNumber', {
        phoneNumberId: record.id,
        agentId: agent.id,
      }),
    ).toMatchObject({ id: record.id, agent: { id: agent.id } });
    expect(
      await run('UnassignAgentFromPhoneNumberMutation', 'unassignAgentFromPhoneNumber', { phoneNumberId: record.id }),
    ).toMatchObject({ id: record.id, agent: null });
  });

  it('fails on a fragment the printed schema does not support', async () => {
    const broken = await compileExample({
      'Broken.ts':
        "import { graphql } from 'react-relay';\nexport const B = graphql`fragment Broken_phoneNumber on PhoneNumber { carrier }`;\n",
    });
    dirs.push(broken.dir);
    expect(broken.ok).toBe(false);
    expect(broken.output).toMatch(/carrier/);
  });
});
