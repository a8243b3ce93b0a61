import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

// The tools BENCHMARKS.md quotes keep working: bench/stages.ts and
// bench/allocations.ts in their seconds-long smoke modes print every stage
// and a non-empty allocation table. Their numbers are not checked here.

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
  const output = await tool('bench/stages.ts', '--latency', '0', '--requests', '30');
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
  ]) {
    expect(valueAfter(output, stage)).toBeGreaterThan(0);
  }
  expect(valueAfter(output, 'total')).toBeGreaterThan(valueAfter(output, 'upstream round trip'));
}, 90_000);

it('bench/allocations.ts reports bytes per request and where they were allocated', async () => {
  const output = await tool('bench/allocations.ts', '--top', '5');
  const perRequest = Number(/([\d.]+) KiB allocated per request/.exec(output)?.[1]);
  expect(perRequest).toBeGreaterThan(0);
  const rows = output.split('\n').filter((line) => / KiB {2}\S/.test(line));
  // Five by self size, five inclusive.
  expect(rows).toHaveLength(10);
}, 90_000);
