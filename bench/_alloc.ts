import { Session } from 'node:inspector/promises';
import { Writable } from 'node:stream';
import { request } from 'undici';
import { loadConfig } from '../src/config';
import { startDemoUpstream } from '../src/demo-upstream';
import { createGateway } from '../src/http/server';
import { benchCases } from './lib/cases';
import { seedPhoneNumbers } from '../src/demo-upstream';

const KEY = 'sk_car_bench_0123456789abcdef';
async function main() {
  const upstream = await startDemoUpstream({ apiKey: KEY, records: seedPhoneNumbers(2400) } as never);
  const config = loadConfig({ ...process.env, NODE_ENV: 'production', CARTESIA_API_KEY: KEY, CARTESIA_BASE_URL: upstream.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: process.env.LL ?? 'info', RATE_LIMIT_MAX: '0' } as never);
  const sink = new Writable({ write(_c, _e, cb) { cb(); } });
  const gw = await createGateway({ ...config, cartesiaApiKey: KEY }, { logDestination: sink as never });
  const url = await gw.listen();
  const c = benchCases(seedPhoneNumbers(2400)).find((x) => x.name === (process.env.CASE ?? 'list'))!;
  let i = 0;
  const one = async () => {
    const v = c.variants[i++ % c.variants.length]!;
    const r = await request(url + '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: c.query, variables: v.variables }) });
    const t = await r.body.text();
    if (r.statusCode !== 200 || t.includes('"errors"')) throw new Error(t.slice(0, 300));
  };
  const run = async (n: number, conc: number) => { let left = n; await Promise.all(Array.from({ length: conc }, async () => { while (left-- > 0) await one(); })); };
  await run(3000, 32);
  const s = new Session(); s.connect();
  const N = Number(process.env.N ?? 2000);
  await s.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
  await run(N, 32);
  const { profile } = (await s.post('HeapProfiler.stopSampling')) as any;
  const self = new Map<string, number>(); const incl = new Map<string, number>(); let total = 0;
  const walk = (node: any, stack: string[]) => {
    const cf = node.callFrame; const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(cf.url);
    const name = `${cf.functionName || '(anon)'} ${m ? m[1] : cf.url.replace('file:///work/main/', '')}:${cf.lineNumber + 1}`;
    const sz = node.selfSize as number; total += sz;
    self.set(name, (self.get(name) ?? 0) + sz);
    const st = stack.includes(name) ? stack : [...stack, name];
    for (const k of new Set(st)) incl.set(k, (incl.get(k) ?? 0) + sz);
    for (const ch of node.children) walk(ch, st);
  };
  walk(profile.head, []);
  console.log(`total ${(total / N / 1024).toFixed(1)} KiB per request`);
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(v / N / 1024).toFixed(2).padStart(7)} KiB  ${k}`).join('\n');
  console.log('--- self\n' + top(self, 45));
  console.log('--- inclusive\n' + top(incl, 60));
  await gw.close(); await upstream.close();
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
