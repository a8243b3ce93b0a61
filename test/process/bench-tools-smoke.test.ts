import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

// The tools BENCHMARKS.md quotes keep working: bench/stages.ts and
// bench/allocations.ts in their seconds-long smoke modes print every stage
// (a read's and a relabel's) and a non-empty allocation table. Their numbers
// are not checked here.

const ROOT = path.resolve(__dirname, '../..');
const run = promisify(execFile);

const tool = async (script: string, ...args: string[]) =>
  (await run(process.execPath, ['--import', 'tsx', script, '--smoke', ...args], { cwd: ROOT, timeout: 60_000 })).stdout;

/** The number that ends the line starting with `label` (a `µs` unit may follow it). */
function valueAfter(output: string, label: string): number {
  const line = output.split('\n').find((candidate) => candidate.trimStart().startsWith(label));
  if (!line) throw new Error(`no line "${label}" in:\n${output}`);
  return Number(/(\d+(?:\.\d+)?)(?: µs)?\s*$/.exec(line)?.[1]);
}

it('bench/stages.ts times every stage, the upstream client and the one-connection timeline', async () => {
  const output = await tool('bench/stages.ts', '--latency', '0', '--requests', '30', '--case', 'list,write');
  const [readPart, writeTimeline] = output.split('`write`');
  for (const stage of [
    'JSON.parse of the upstream page',
    'ajv: the page against the OpenAPI contract',
    'validate the operation',
    'execute: graphql-js',
    'execute: graphql-jit',
    'JSON.stringify of the answer',
    'undici GET + JSON.parse',
    'CartesiaClient.listPhoneNumbers',
    'client -> gateway',
    'gateway, before the upstream call',
    'upstream round trip',
    'gateway, after it',
    'gateway -> client',
    'validate the mutation',
    'execute the mutation: graphql-js',
    'write permission',
    'static write token check',
    'ajv: the PATCH body against the contract',
    'ajv: the PATCH answer against the contract',
    'audit line',
    'write generation bump',
    'undici PATCH + JSON.parse',
    'CartesiaClient.updatePhoneNumber',
  ]) {
    expect(valueAfter(readPart!, stage)).toBeGreaterThan(0);
  }
  expect(valueAfter(readPart!, 'total')).toBeGreaterThan(valueAfter(readPart!, 'upstream round trip'));
  // A relabel's timeline: two upstream calls, the fresh GET and the PATCH, inside its total.
  const roundTrips = ['upstream round trip: GET (fresh read)', 'upstream round trip: PATCH'];
  for (const stage of ['gateway, before the fresh GET', ...roundTrips, 'gateway, between GET and PATCH']) {
    expect(valueAfter(writeTimeline!, stage)).toBeGreaterThan(0);
  }
  const both = roundTrips.reduce((sum, stage) => sum + valueAfter(writeTimeline!, stage), 0);
  expect(valueAfter(writeTimeline!, 'total')).toBeGreaterThan(both);
}, 90_000);

it('bench/allocations.ts reports bytes per request and where they were allocated', async () => {
  const output = await tool('bench/allocations.ts', '--top', '5');
  const perRequest = Number(/([\d.]+) KiB allocated per request/.exec(output)?.[1]);
  expect(perRequest).toBeGreaterThan(0);
  const rows = output.split('\n').filter((line) => / KiB {2}\S/.test(line));
  // Five by self size, five inclusive.
  expect(rows).toHaveLength(10);
}, 90_000);
