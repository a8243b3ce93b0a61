import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  TrustedDocumentsError,
  loadTrustedDocuments,
  type TrustedDocumentManifest,
} from './graphql/trusted-documents/manifest';

/** Everything the gateway reads from its environment, parsed once at start. */
export interface GatewayConfig {
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  /** Absent only in development, where main.ts starts the demo upstream. */
  readonly cartesiaApiKey: string | undefined;
  readonly cartesiaBaseUrl: string;
  readonly cartesiaVersion: string;
  readonly upstreamTimeoutMs: number;
  readonly introspection: boolean;
  readonly sandbox: boolean;
  readonly logLevel: string;
  /** Shared state across replicas (rate limits, response cache, persisted queries); undefined: in memory. */
  readonly redisUrl: string | undefined;
  /** When set, only these operations run (trusted documents / safelist). */
  readonly trustedDocuments: TrustedDocumentManifest | undefined;
  /** Serve the demo page at `GET /`. */
  readonly demoPage: boolean;
  /** Serve /metrics on this port only (its own server); undefined: on the main port. */
  readonly metricsPort: number | undefined;
  /** Where spans go, from the standard OTEL_* variables; `none` loads no tracing SDK at all. */
  readonly tracesExporter: TracesExporter;
}

/** `otlp-proto` is OTLP over HTTP with protobuf (the OTel default), `otlp-json` the same with JSON. */
export type TracesExporter = 'otlp-proto' | 'otlp-json' | 'console' | 'none';

/** The environment was unusable; `problems` lists every reason, one per line. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(
      problems.length === 1
        ? `invalid configuration: ${problems[0]}`
        : `invalid configuration:\n  - ${problems.join('\n  - ')}`,
    );
  }
}

const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1');

const positiveInt = (max: number) =>
  z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1).max(max);

const otlpProtocol = z.enum(['http/protobuf', 'http/json'], {
  message: "must be http/protobuf or http/json (gRPC is not bundled; use the collector's HTTP port 4318)",
});

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number({ message: 'must be a number' }).int().min(0).max(65535).default(4000),
  CARTESIA_API_KEY: z.string().trim().min(1).optional(),
  CARTESIA_API_KEY_FILE: z.string().min(1).optional(),
  CARTESIA_BASE_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
    .default('https://api.cartesia.ai')
    .transform((url) => url.replace(/\/+$/, '')),
  CARTESIA_VERSION: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-03-01')
    .default('2026-03-01'),
  UPSTREAM_TIMEOUT_MS: positiveInt(120_000).default(10_000),
  GRAPHQL_INTROSPECTION: booleanFlag.optional(),
  GRAPHQL_SANDBOX: booleanFlag.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REDIS_URL: z.url({ protocol: /^rediss?$/, message: 'must be a redis:// or rediss:// URL' }).optional(),
  TRUSTED_DOCUMENTS: z.string().min(1).optional(),
  DEMO_PAGE: booleanFlag.optional(),
  METRICS_PORT: z.coerce.number({ message: 'must be a number' }).int().min(0).max(65535).optional(),
  // The standard OpenTelemetry variables that decide whether tracing runs at all
  // (the SDK itself reads the rest: OTEL_SERVICE_NAME, OTEL_TRACES_SAMPLER, headers, ...).
  OTEL_SDK_DISABLED: booleanFlag.optional(),
  OTEL_TRACES_EXPORTER: z.enum(['otlp', 'console', 'none'], { message: 'must be otlp, console or none' }).optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ message: 'must be a URL' }).optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url({ message: 'must be a URL' }).optional(),
  OTEL_EXPORTER_OTLP_PROTOCOL: otlpProtocol.optional(),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: otlpProtocol.optional(),
});

/** Every environment variable the gateway reads (deploy manifests are checked against it). */
export const ENV_VARIABLES: readonly string[] = Object.freeze(Object.keys(EnvSchema.shape));

type Env = Record<string, string | undefined>;

/**
 * Tracing is off unless the OTEL_* variables configure an exporter: an
 * explicit OTEL_TRACES_EXPORTER, or an OTLP endpoint.
 */
function tracesExporterFrom(env: z.infer<typeof EnvSchema>): TracesExporter {
  if (env.OTEL_SDK_DISABLED) return 'none';
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const exporter = env.OTEL_TRACES_EXPORTER ?? (endpoint ? 'otlp' : 'none');
  if (exporter !== 'otlp') return exporter;
  const protocol = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL;
  return protocol === 'http/json' ? 'otlp-json' : 'otlp-proto';
}

/** Empty variables count as unset, as operators expect from `FOO=` in a compose file. */
function withoutEmpty(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
}

function readKeyFile(file: string): { key?: string; problem?: string } {
  try {
    const key = readFileSync(file, 'utf8').trim();
    return key ? { key } : { problem: `CARTESIA_API_KEY_FILE: ${file} is empty` };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return { problem: `CARTESIA_API_KEY_FILE: cannot read ${file} (${code})` };
  }
}

function readTrustedDocuments(file: string | undefined, problems: string[]): TrustedDocumentManifest | undefined {
  if (!file) return undefined;
  try {
    return loadTrustedDocuments(file);
  } catch (error) {
    if (!(error instanceof TrustedDocumentsError)) throw error;
    problems.push(`TRUSTED_DOCUMENTS: ${error.message}`);
    return undefined;
  }
}

/** Parses the environment; throws ConfigError listing every problem at once. */
export function loadConfig(rawEnv: Env = process.env): GatewayConfig {
  const parsed = EnvSchema.safeParse(withoutEmpty(rawEnv));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env = parsed.data;
  const problems: string[] = [];
  let apiKey = env.CARTESIA_API_KEY;
  if (apiKey && env.CARTESIA_API_KEY_FILE) {
    problems.push('set CARTESIA_API_KEY or CARTESIA_API_KEY_FILE, not both');
  } else if (env.CARTESIA_API_KEY_FILE) {
    const { key, problem } = readKeyFile(env.CARTESIA_API_KEY_FILE);
    apiKey = key;
    if (problem) problems.push(problem);
  }
  const production = env.NODE_ENV === 'production';
  const trustedDocuments = readTrustedDocuments(env.TRUSTED_DOCUMENTS, problems);
  if (production && !apiKey && problems.length === 0) {
    problems.push('CARTESIA_API_KEY (or CARTESIA_API_KEY_FILE) is required when NODE_ENV=production');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    nodeEnv: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    cartesiaApiKey: apiKey,
    cartesiaBaseUrl: env.CARTESIA_BASE_URL,
    cartesiaVersion: env.CARTESIA_VERSION,
    upstreamTimeoutMs: env.UPSTREAM_TIMEOUT_MS,
    introspection: env.GRAPHQL_INTROSPECTION ?? !production,
    sandbox: env.GRAPHQL_SANDBOX ?? !production,
    logLevel: env.LOG_LEVEL,
    redisUrl: env.REDIS_URL,
    trustedDocuments,
    demoPage: env.DEMO_PAGE ?? !production,
    metricsPort: env.METRICS_PORT,
    tracesExporter: tracesExporterFrom(env),
  });
}
