// `npx tsx bench/profile-summary.ts <file.cpuprofile> [top]`: where a V8 CPU
// profile (node --cpu-prof, as `npm run bench -- --profile <dir>` writes them)
// spends its time: self time by package or source file, and the hottest functions.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The package (node_modules/@scope/name), the project file, or the runtime part a frame belongs to. */
function area(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules?.[1]) return modules[1];
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const project = /\/(dist|src)\/(.+)$/.exec(url);
  return project ? `${project[1]}/${project[2]}` : url;
}

function table(title: string, totals: Map<string, number>, total: number, top: number): string {
  const lines = [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(
      ([name, micros]) =>
        `${((100 * micros) / total).toFixed(1).padStart(5)} %  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${name}`,
    );
  return [`${title}:`, ...lines].join('\n');
}

/** Self time of `functionName`, split by the chain of its nearest `depth` callers. */
function callers(
  profile: CpuProfile,
  selfTime: Map<number, number>,
  functionName: string,
  depth: number,
): Map<string, number> {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const chains = new Map<string, number>();
  for (const [id, micros] of selfTime) {
    if (byId.get(id)!.callFrame.functionName !== functionName) continue;
    const chain: string[] = [];
    for (let at = parent.get(id); at !== undefined && chain.length < depth; at = parent.get(at)) {
      const { functionName: name, url, lineNumber } = byId.get(at)!.callFrame;
      chain.push(`${name || '(anonymous)'}@${area(url, name)}:${lineNumber + 1}`);
    }
    const key = chain.join(' < ');
    chains.set(key, (chains.get(key) ?? 0) + micros);
  }
  return chains;
}

function main(): void {
  const [file, topArg, callersOf] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary <file.cpuprofile> [top] [function whose callers to show]');
  const top = Number(topArg ?? 25);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfTime = new Map<number, number>();
  profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const [id, micros] of selfTime) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = area(url, functionName);
    byArea.set(where, (byArea.get(where) ?? 0) + micros);
    const name = `${functionName || '(anonymous)'}  ${where}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    total += micros;
  }
  const busy = total - (byArea.get('(idle)') ?? 0);
  console.log(`${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy\n`);
  console.log(table('self time by area', byArea, total, top));
  console.log('');
  console.log(table('self time by function', byFunction, total, top));
  if (callersOf) {
    console.log('');
    console.log(table(`callers of ${callersOf}`, callers(profile, selfTime, callersOf, 6), total, top));
  }
}

main();
