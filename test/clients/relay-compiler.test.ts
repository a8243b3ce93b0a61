import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { postGraphQL, startTestStack, type TestStack } from '../helpers/gateway';

// relay-compiler (its native binary from the npm package) compiles the Relay
// example against the committed printed schema; the operations it generates
// then run against the real gateway.

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

/** The operation text relay-compiler put into an artifact (`params.text`). */
function operationText(artifact: string): string {
  const literal = /"text": ("(?:[^"\\]|\\.)*")/.exec(artifact);
  if (!literal) throw new Error('artifact has no operation text');
  return JSON.parse(literal[1]!) as string;
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

  it('compiles the @connection pagination fragment and the @refetchable PhoneNumber fragment', () => {
    expect(compiled.output).toBe('');
    expect(compiled.ok).toBe(true);
    expect(readdirSync(compiled.artifacts).sort()).toEqual([
      'PhoneNumberListPaginationQuery.graphql.ts',
      'PhoneNumberListScreenQuery.graphql.ts',
      'PhoneNumberList_query.graphql.ts',
      'PhoneNumberRowRefetchQuery.graphql.ts',
      'PhoneNumberRow_phoneNumber.graphql.ts',
    ]);
  });

  it('generates a pagination query the gateway answers, page after page', async () => {
    const text = operationText(
      readFileSync(path.join(compiled.artifacts, 'PhoneNumberListPaginationQuery.graphql.ts'), 'utf8'),
    );
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
    const text = operationText(
      readFileSync(path.join(compiled.artifacts, 'PhoneNumberRowRefetchQuery.graphql.ts'), 'utf8'),
    );
    expect(text).toMatch(/node\(id: \$id\)/);
    const record = stack.upstream.records[3]!;
    const response = await postGraphQL<{ node: { id: string; number: string } }>(stack.url, text, { id: record.id });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.node).toMatchObject({ __typename: 'PhoneNumber', id: record.id, number: record.number });
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
