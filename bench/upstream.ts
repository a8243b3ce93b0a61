// Benchmark child: the project's demo upstream with a fixed latency, counting
// the requests it serves so the benchmark can report upstream calls per
// gateway request. Env: BENCH_API_KEY, BENCH_RECORDS, BENCH_LATENCY_MS.
import { seedPhoneNumbers, startDemoUpstream } from '../src/demo-upstream';

async function main(): Promise<void> {
  const upstream = await startDemoUpstream({
    apiKey: process.env.BENCH_API_KEY!,
    latencyMs: Number(process.env.BENCH_LATENCY_MS ?? 0),
    records: seedPhoneNumbers(Number(process.env.BENCH_RECORDS ?? 240)),
  });
  // requestCount counts every request; the request log itself keeps only the latest few.
  process.on('message', (message: { type: string }) => {
    if (message.type !== 'served') return;
    process.send!({ type: 'served', value: upstream.requestCount });
  });
  process.once('SIGTERM', () => void upstream.close().then(() => process.exit(0)));
  process.once('disconnect', () => void upstream.close().then(() => process.exit(0)));
  process.send!({ type: 'ready', url: upstream.url });
}

void main();
