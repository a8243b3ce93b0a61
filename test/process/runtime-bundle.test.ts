import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startDemoUpstream, type DemoUpstream } from '../../src/demo-upstream';
import { TEST_API_KEY, postGraphQL } from '../helpers/gateway';
import { startProcess, type RunningProcess } from '../helpers/process';

// Assembles what the Dockerfile's runtime stage contains (production
// dependencies, compiled output, schema/) in a temporary folder and runs it
// as the image would: `node dist/main.js`, no npm in between, no sources.

const ROOT = path.resolve(__dirname, '../..');
const run = promisify(execFile);
// AUTH_MODE must be chosen explicitly in production; these tests are about the bundle, not auth.
const BASE_ENV = { PATH: process.env.PATH, HOME: process.env.HOME, HOST: '127.0.0.1', PORT: '0', AUTH_MODE: 'none' };

let bundle: string;
let upstream: DemoUpstream;
const processes: RunningProcess[] = [];

function startBundle(env: Record<string, string>): RunningProcess {
  const started = startProcess(process.execPath, ['dist/main.js'], { cwd: bundle, env: { ...BASE_ENV, ...env } });
  processes.push(started);
  return started;
}

beforeAll(async () => {
  bundle = mkdtempSync(path.join(tmpdir(), 'pngw-runtime-'));
  for (const file of ['package.json', 'package-lock.json']) cpSync(path.join(ROOT, file), path.join(bundle, file));
  cpSync(path.join(ROOT, 'schema'), path.join(bundle, 'schema'), { recursive: true });
  await Promise.all([
    run('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: bundle }),
    run(path.join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json', '--outDir', path.join(bundle, 'dist')], {
      cwd: ROOT,
    }),
  ]);
  upstream = await startDemoUpstream({ apiKey: TEST_API_KEY });
}, 180_000);

afterAll(async () => {
  processes.forEach((p) => p.kill());
  await upstream?.close();
  if (bundle) rmSync(bundle, { recursive: true, force: true });
});

describe('the runtime bundle', () => {
  it('holds production dependencies only', () => {
    const modules = readdirSync(path.join(bundle, 'node_modules'));
    for (const devOnly of ['typescript', 'jest', 'ts-jest', 'tsx', '@graphql-codegen', 'openapi-typescript', 'prettier']) {
      expect(modules).not.toContain(devOnly);
    }
    expect(modules).toEqual(expect.arrayContaining(['@apollo', 'fastify', 'graphql', 'undici', 'dataloader']));
  });

  it('serves phoneNumbers in production with a key, then exits 0 on SIGTERM', async () => {
    const gateway = startBundle({ NODE_ENV: 'production', CARTESIA_API_KEY: TEST_API_KEY, CARTESIA_BASE_URL: upstream.url });
    const line = await gateway.waitForLine(/gateway listening/);
    const url = (JSON.parse(line) as { graphql: string }).graphql.replace(/\/graphql$/, '');
    const response = await postGraphQL<{ phoneNumbers: { nodes: { id: string }[] } }>(
      url,
      '{ phoneNumbers(first: 3) { nodes { id } } }',
    );
    expect(response.body.data!.phoneNumbers.nodes.map((n) => n.id)).toEqual(upstream.records.slice(0, 3).map((r) => r.id));
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
    expect(gateway.output()).not.toContain(TEST_API_KEY);
  });

  it('refuses to start in production without a key: exit 1 and one line saying what to set', async () => {
    const gateway = startBundle({ NODE_ENV: 'production' });
    expect(await gateway.exited).toBe(1);
    expect(gateway.output().trim().split('\n')).toHaveLength(1);
    expect(gateway.output()).toMatch(/CARTESIA_API_KEY \(or CARTESIA_API_KEY_FILE\) is required when NODE_ENV=production/);
  });

  it('without a key in development, serves the demo upstream and says so in one line', async () => {
    const gateway = startBundle({ NODE_ENV: 'development' });
    const banner = await gateway.waitForLine(/DEMO MODE/);
    const url = /GraphQL and Apollo Sandbox: (\S+)\/graphql/.exec(banner)![1]!;
    const response = await postGraphQL<{ phoneNumbers: { edges: unknown[] } }>(url, '{ phoneNumbers { edges { cursor } } }');
    expect(response.body.data!.phoneNumbers.edges).toHaveLength(10);
    gateway.child.kill('SIGINT');
    expect(await gateway.exited).toBe(0);
  });
});
