// `npx tsx bench/allocations.ts [--case list|filtered|lookup|samePage] [--requests N] [--top N] [--callers fn] [--smoke]`:
// how many bytes the gateway allocates per request, and where, for
// BENCHMARKS.md. Garbage is what the collector pays for, so this is the other
// half of a CPU profile. The gateway runs in this process (so V8's sampling
// heap profiler sees it, objects collected by either GC included) against the
// demo upstream in a child process; requests come 32 at a time.
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';
import { seedPhoneNumbers } from '../src/demo-upstream';
import { benchCases, type CaseName } from './lib/cases';
import { IN_PROCESS_RECORDS, postCase, startInProcessStack } from './lib/in-process';

const CONCURRENCY = 32;

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

function where({ functionName, url, lineNumber }: ProfileNode['callFrame']): string {
  const library = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  const file = library ?? url.replace(/^.*\/(src|bench)\//, '$1/');
  return `${functionName || '(anonymous)'}  ${file}${url ? `:${lineNumber + 1}` : ''}`;
}

/**
 * Self and inclusive bytes by function (a function counted once per stack),
 * and the self bytes of functions named `callersOf` by their three nearest callers.
 */
function summarize(head: ProfileNode, callersOf: string | undefined) {
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const callers = new Map<string, number>();
  let total = 0;
  const walk = (node: ProfileNode, stack: ReadonlySet<string>) => {
    const name = where(node.callFrame);
    total += node.selfSize;
    self.set(name, (self.get(name) ?? 0) + node.selfSize);
    if (callersOf && node.callFrame.functionName === callersOf) {
      const chain = [...stack].slice(-3).reverse().join(' < ');
      callers.set(chain, (callers.get(chain) ?? 0) + node.selfSize);
    }
    const below = stack.has(name) ? stack : new Set(stack).add(name);
    for (const frame of below) inclusive.set(frame, (inclusive.get(frame) ?? 0) + node.selfSize);
    for (const child of node.children) walk(child, below);
  };
  walk(head, new Set());
  return { self, inclusive, callers, total };
}

function table(title: string, bytes: Map<string, number>, requests: number, top: number): string {
  const rows = [...bytes]
    .filter(([name]) => !name.startsWith('(root)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, size]) => `${(size / requests / 1024).toFixed(2).padStart(8)} KiB  ${name}`);
  return [`${title}:`, ...rows].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      case: { type: 'string', default: 'list' },
      requests: { type: 'string', default: '2000' },
      top: { type: 'string', default: '30' },
      callers: { type: 'string' },
      // A few hundred requests, to show the tool still works (test/process/bench-smoke.test.ts).
      smoke: { type: 'boolean', default: false },
    },
  });
  const requests = values.smoke ? 200 : Number(values.requests);
  const stack = await startInProcessStack(0);
  const client = new Pool(stack.url, { connections: CONCURRENCY });
  const benchCase = benchCases(seedPhoneNumbers(IN_PROCESS_RECORDS)).find((c) => c.name === (values.case as CaseName))!;
  let sent = 0;
  const send = () => postCase(client, benchCase, sent++);
  const load = async (count: number) => {
    const until = sent + count;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (sent < until) await send();
      }),
    );
  };
  const session = new Session();
  try {
    await load(values.smoke ? 200 : 3000); // warm-up: compiled operations, optimized code
    session.connect();
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: 1024,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    } as never);
    await load(requests);
    const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as {
      profile: { head: ProfileNode };
    };
    const { self, inclusive, callers, total } = summarize(profile.head, values.callers);
    console.log(
      `\`${benchCase.name}\`: ${(total / requests / 1024).toFixed(1)} KiB allocated per request ` +
        `(sampled over ${requests} requests; this process also runs the load's client side)\n`,
    );
    console.log(table('by function, self', self, requests, Number(values.top)));
    console.log('');
    console.log(table('by function, inclusive', inclusive, requests, Number(values.top)));
    if (values.callers)
      console.log(`\n${table(`callers of ${values.callers}`, callers, requests, Number(values.top))}`);
  } finally {
    session.disconnect();
    await client.close();
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
