import { ConfigError, loadConfig, type GatewayConfig } from './config';
import { DEMO_API_KEY, startDemoUpstream, type DemoUpstream } from './demo-upstream';
import { createGateway, type ResolvedConfig } from './http/server';

// Process entry: config -> (demo upstream) -> gateway -> signals. Everything
// else is importable without side effects, which is what the tests use.

interface Upstream {
  config: ResolvedConfig;
  demo?: DemoUpstream;
}

/** Without a key outside production, run against the built-in demo upstream: announced, never silent. */
async function resolveUpstream(config: GatewayConfig): Promise<Upstream> {
  if (config.cartesiaApiKey) return { config: { ...config, cartesiaApiKey: config.cartesiaApiKey } };
  const demo = await startDemoUpstream({ apiKey: DEMO_API_KEY });
  return { config: { ...config, cartesiaApiKey: DEMO_API_KEY, cartesiaBaseUrl: demo.url }, demo };
}

function displayUrl(url: string): string {
  return url.replace('://0.0.0.0', '://localhost').replace('://[::]', '://localhost');
}

async function main(): Promise<void> {
  let config: GatewayConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`phone-numbers-gateway: ${error.message}`);
    process.exit(1);
  }
  const upstream = await resolveUpstream(config);
  const gateway = await createGateway(upstream.config);
  const url = displayUrl(await gateway.listen());
  if (upstream.demo) {
    console.log(
      `DEMO MODE: no CARTESIA_API_KEY set, serving built-in demo data from ${upstream.demo.url}. ` +
        `GraphQL and Apollo Sandbox: ${url}/graphql`,
    );
  } else {
    gateway.app.log.info({ graphql: `${url}/graphql`, upstream: config.cartesiaBaseUrl }, 'gateway listening');
  }

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    gateway.app.log.info({ signal }, 'shutting down');
    await gateway.close();
    await upstream.demo?.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error('phone-numbers-gateway: failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
