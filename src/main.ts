import { ConfigError, loadConfig, type GatewayConfig } from './config';
import { DEMO_API_KEY, startDemoUpstream, type DemoUpstream } from './demo-upstream';
import { createGateway } from './gateway';
import { installShutdown } from './lifecycle';
import { startTracing } from './observability/tracing';

// Process entry: config -> (demo upstream) -> tracing -> gateway -> signals.
// Everything else is importable without side effects, which is what the tests use.

interface Upstream {
  config: GatewayConfig;
  demo?: DemoUpstream;
}

/** Without a key outside production, run against the built-in demo upstream: announced, never silent. */
async function resolveUpstream(config: GatewayConfig): Promise<Upstream> {
  if (config.upstream.apiKey || config.upstream.apiKeyFile) return { config };
  const demo = await startDemoUpstream({ apiKey: DEMO_API_KEY });
  return { config: { ...config, upstream: { ...config.upstream, apiKey: DEMO_API_KEY, baseUrl: demo.url } }, demo };
}

function displayUrl(url: string): string {
  return url.replace('://0.0.0.0', '://localhost').replace('://[::]', '://localhost');
}

function configOrExit(): GatewayConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`phone-numbers-gateway: ${error.message}`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  // Before the gateway exists, so its first span already has somewhere to go.
  const tracing = await startTracing(config.tracing.exporter);
  const upstream = await resolveUpstream(config);
  const gateway = await createGateway(upstream.config);
  const url = displayUrl(await gateway.listen());
  const log = gateway.app.log;
  if (upstream.demo) {
    // A log line like every other (stdout carries JSON lines only), saying loudly what runs.
    log.warn(
      {
        graphql: `${url}/graphql`,
        upstream: upstream.demo.url,
        ...(config.http.demoPage ? { demoPage: `${url}/` } : {}),
      },
      `DEMO MODE: no CARTESIA_API_KEY set, serving built-in demo data from ${upstream.demo.url}. ` +
        `GraphQL and Apollo Sandbox: ${url}/graphql` +
        (config.http.demoPage ? `, demo page: ${url}/` : ''),
    );
  } else {
    log.info(
      { graphql: `${url}/graphql`, metrics: displayUrl(gateway.metricsUrl!), upstream: config.upstream.baseUrl },
      'gateway listening',
    );
  }
  installShutdown({
    process,
    log,
    close: async () => {
      const result = await gateway.close();
      await upstream.demo?.close();
      await tracing?.shutdown();
      return result;
    },
  });
}

main().catch((error: unknown) => {
  // A ConfigError (a file the config names is unusable) lists every problem in its message.
  console.error('phone-numbers-gateway: failed to start:', error instanceof Error ? error.message : String(error));
  process.exit(1);
});
