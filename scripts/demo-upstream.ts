// `tsx scripts/demo-upstream.ts`: the demo upstream as a process of its own,
// for the container test (scripts/container-test.sh) and for trying a built
// image by hand. Prints one JSON line, {"url": "http://127.0.0.1:PORT"}, once
// it listens; stops on SIGTERM or SIGINT.
//
// Env: DEMO_UPSTREAM_API_KEY (default: the demo key; an env var, not an argument,
// so it never shows in `ps`), DEMO_UPSTREAM_HOST (default 127.0.0.1),
// DEMO_UPSTREAM_PORT (default 0: an ephemeral port).
import { DEMO_API_KEY, startDemoUpstream } from '../src/demo-upstream';

async function main(): Promise<void> {
  const upstream = await startDemoUpstream({
    apiKey: process.env.DEMO_UPSTREAM_API_KEY || DEMO_API_KEY,
    host: process.env.DEMO_UPSTREAM_HOST || '127.0.0.1',
    port: Number(process.env.DEMO_UPSTREAM_PORT || 0),
  });
  console.log(JSON.stringify({ url: upstream.url }));
  const stop = () => void upstream.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error('demo-upstream: failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
