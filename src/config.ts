import { createHash } from 'node:crypto';
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
  /** Mounted secret the key was read from; re-read on change and on a 401 (rotation without restart). */
  readonly cartesiaApiKeyFile: string | undefined;
  /** Whole-operation budget: no upstream wait (attempts, backoff, queue) outlives it. */
  readonly requestDeadlineMs: number;
  readonly upstream: UpstreamResilienceConfig;
  readonly limits: OperationLimitsConfig;
  /** Origins allowed to call from a browser; empty = no CORS headers at all. */
  readonly corsOrigins: readonly string[];
  readonly auth: AuthConfig;
  readonly rateLimit: RateLimitConfig;
  readonly shutdown: { readonly graceMs: number; readonly delayMs: number };
  /** Take the client IP from X-Forwarded-For (only behind a proxy that sets it). */
  readonly trustProxy: boolean;
  /** How long validated upstream payloads are reused; 0 = no cache (the default). */
  readonly cacheTtlMs: number;
  /** Runs of a document with graphql-js before it is compiled with graphql-jit (0: compile at once). */
  readonly jitAfterRuns: number;
}

/** Timeouts, pool, retries and circuit breaker for calls to Cartesia. */
export interface UpstreamResilienceConfig {
  readonly connectTimeoutMs: number;
  readonly headersTimeoutMs: number;
  readonly bodyTimeoutMs: number;
  /** Keep-alive sockets, i.e. the most calls in flight at once. */
  readonly connections: number;
  /** Calls allowed to wait for a socket; one more is UPSTREAM_OVERLOADED. */
  readonly maxQueue: number;
  readonly retries: number;
  readonly retryBaseDelayMs: number;
  readonly retryMaxDelayMs: number;
  /** A longer `Retry-After` is not waited for: the error goes to the client. */
  readonly retryAfterMaxMs: number;
  /** Consecutive failed calls that open the circuit. */
  readonly breakerThreshold: number;
  /** How long an open circuit answers without calling, before one trial call. */
  readonly breakerCooldownMs: number;
}

/** What one HTTP request / GraphQL operation may ask for. */
export interface OperationLimitsConfig {
  readonly bodyBytes: number;
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxRootFields: number;
  readonly maxUpstreamCalls: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
  readonly batching: boolean;
  readonly maxBatchSize: number;
}

/** How the gateway authenticates its own clients (not Cartesia). */
export type AuthConfig =
  | { readonly mode: 'none' }
  /** Only SHA-256 digests are kept, so tokens compare in constant time and sit in memory hashed. */
  | { readonly mode: 'static'; readonly tokenSha256: readonly string[] }
  | {
      readonly mode: 'jwt';
      readonly jwksUrl: string;
      readonly issuer: string;
      readonly audience: string;
      readonly algorithms: readonly string[];
    };

export interface RateLimitConfig {
  /** Requests per window per client; 0 turns rate limiting off. */
  readonly max: number;
  readonly windowMs: number;
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
const nonNegativeInt = (max: number) =>
  z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0).max(max);

const commaList = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

// Production hardening (issue 3): deadlines, retries, breaker, limits, auth, rate limits, shutdown.
const HARDENING_ENV = {
  REQUEST_DEADLINE_MS: positiveInt(300_000).default(15_000),
  UPSTREAM_CONNECT_TIMEOUT_MS: positiveInt(120_000).default(3_000),
  UPSTREAM_HEADERS_TIMEOUT_MS: positiveInt(120_000).optional(),
  UPSTREAM_BODY_TIMEOUT_MS: positiveInt(120_000).optional(),
  UPSTREAM_CONNECTIONS: positiveInt(1_024).default(64),
  UPSTREAM_MAX_QUEUE: nonNegativeInt(100_000).default(256),
  UPSTREAM_RETRIES: nonNegativeInt(10).default(2),
  UPSTREAM_RETRY_BASE_DELAY_MS: positiveInt(60_000).default(100),
  UPSTREAM_RETRY_MAX_DELAY_MS: positiveInt(60_000).default(1_000),
  UPSTREAM_RETRY_AFTER_MAX_MS: nonNegativeInt(60_000).default(2_000),
  UPSTREAM_BREAKER_THRESHOLD: positiveInt(1_000).default(5),
  UPSTREAM_BREAKER_COOLDOWN_MS: positiveInt(600_000).default(10_000),
  BODY_LIMIT_BYTES: positiveInt(16 * 1024 * 1024).default(64 * 1024),
  GRAPHQL_MAX_DEPTH: positiveInt(100).default(10),
  GRAPHQL_MAX_ALIASES: nonNegativeInt(1_000).default(15),
  GRAPHQL_MAX_ROOT_FIELDS: positiveInt(1_000).default(15),
  GRAPHQL_MAX_UPSTREAM_CALLS: positiveInt(1_000).default(10),
  GRAPHQL_MAX_DIRECTIVES: nonNegativeInt(1_000).default(20),
  GRAPHQL_MAX_TOKENS: positiveInt(1_000_000).default(5_000),
  GRAPHQL_BATCHING: booleanFlag.default(false),
  GRAPHQL_MAX_BATCH_SIZE: positiveInt(1_000).default(10),
  CORS_ORIGINS: commaList.optional(),
  AUTH_MODE: z.enum(['none', 'static', 'jwt']).optional(),
  AUTH_TOKENS: commaList.optional(),
  AUTH_TOKENS_FILE: z.string().min(1).optional(),
  AUTH_JWKS_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
  AUTH_JWT_ISSUER: z.string().min(1).optional(),
  AUTH_JWT_AUDIENCE: z.string().min(1).optional(),
  AUTH_JWT_ALGORITHMS: commaList.default(['RS256', 'ES256']),
  RATE_LIMIT_MAX: nonNegativeInt(1_000_000).default(600),
  RATE_LIMIT_WINDOW_MS: positiveInt(3_600_000).default(60_000),
  REDIS_URL: z.url({ protocol: /^rediss?$/, message: 'must be a redis:// or rediss:// URL' }).optional(),
  SHUTDOWN_GRACE_MS: positiveInt(600_000).default(10_000),
  SHUTDOWN_DELAY_MS: nonNegativeInt(600_000).default(0),
  TRUST_PROXY: booleanFlag.default(false),
};

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
  ...HARDENING_ENV,
  GRAPHQL_JIT_AFTER_RUNS: nonNegativeInt(1_000_000).default(1),
  CACHE_TTL_MS: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0).max(3_600_000).default(0),
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

type ParsedEnv = z.infer<typeof EnvSchema>;

const SHA256_ENTRY = /^sha256:([0-9a-f]{64})$/i;

/** Static tokens as SHA-256 hex digests: `sha256:<hex>` entries are taken as given, others hashed here. */
function tokenDigests(tokens: readonly string[]): string[] {
  return tokens.map((token) => {
    const digest = SHA256_ENTRY.exec(token)?.[1];
    return digest ? digest.toLowerCase() : createHash('sha256').update(token).digest('hex');
  });
}

function readTokensFile(file: string, problems: string[]): string[] {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
  } catch (error) {
    problems.push(`AUTH_TOKENS_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
    return [];
  }
}

function authConfig(env: ParsedEnv, problems: string[]): AuthConfig {
  // Like Apollo Router and Hive Gateway, client auth is opt-in; main.ts warns
  // when a production gateway runs without it.
  const mode = env.AUTH_MODE ?? 'none';
  if (mode === 'static') {
    const tokens = [
      ...(env.AUTH_TOKENS ?? []),
      ...(env.AUTH_TOKENS_FILE ? readTokensFile(env.AUTH_TOKENS_FILE, problems) : []),
    ];
    if (tokens.length === 0) problems.push('AUTH_MODE=static needs AUTH_TOKENS or AUTH_TOKENS_FILE');
    return { mode, tokenSha256: tokenDigests(tokens) };
  }
  if (mode === 'jwt') {
    const missing = (['AUTH_JWKS_URL', 'AUTH_JWT_ISSUER', 'AUTH_JWT_AUDIENCE'] as const).filter((name) => !env[name]);
    if (missing.length > 0) problems.push(`AUTH_MODE=jwt needs ${missing.join(', ')}`);
    return {
      mode,
      jwksUrl: env.AUTH_JWKS_URL ?? '',
      issuer: env.AUTH_JWT_ISSUER ?? '',
      audience: env.AUTH_JWT_AUDIENCE ?? '',
      algorithms: env.AUTH_JWT_ALGORITHMS,
    };
  }
  return { mode: 'none' };
}

function hardeningConfig(env: ParsedEnv, problems: string[]) {
  return {
    cartesiaApiKeyFile: env.CARTESIA_API_KEY_FILE,
    requestDeadlineMs: env.REQUEST_DEADLINE_MS,
    upstream: Object.freeze({
      connectTimeoutMs: env.UPSTREAM_CONNECT_TIMEOUT_MS,
      headersTimeoutMs: env.UPSTREAM_HEADERS_TIMEOUT_MS ?? env.UPSTREAM_TIMEOUT_MS,
      bodyTimeoutMs: env.UPSTREAM_BODY_TIMEOUT_MS ?? env.UPSTREAM_TIMEOUT_MS,
      connections: env.UPSTREAM_CONNECTIONS,
      maxQueue: env.UPSTREAM_MAX_QUEUE,
      retries: env.UPSTREAM_RETRIES,
      retryBaseDelayMs: env.UPSTREAM_RETRY_BASE_DELAY_MS,
      retryMaxDelayMs: env.UPSTREAM_RETRY_MAX_DELAY_MS,
      retryAfterMaxMs: env.UPSTREAM_RETRY_AFTER_MAX_MS,
      breakerThreshold: env.UPSTREAM_BREAKER_THRESHOLD,
      breakerCooldownMs: env.UPSTREAM_BREAKER_COOLDOWN_MS,
    }),
    limits: Object.freeze({
      bodyBytes: env.BODY_LIMIT_BYTES,
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxAliases: env.GRAPHQL_MAX_ALIASES,
      maxRootFields: env.GRAPHQL_MAX_ROOT_FIELDS,
      maxUpstreamCalls: env.GRAPHQL_MAX_UPSTREAM_CALLS,
      maxDirectives: env.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: env.GRAPHQL_MAX_TOKENS,
      batching: env.GRAPHQL_BATCHING,
      maxBatchSize: env.GRAPHQL_MAX_BATCH_SIZE,
    }),
    corsOrigins: Object.freeze(env.CORS_ORIGINS ?? []),
    auth: Object.freeze(authConfig(env, problems)),
    rateLimit: Object.freeze({ max: env.RATE_LIMIT_MAX, windowMs: env.RATE_LIMIT_WINDOW_MS }),
    redisUrl: env.REDIS_URL,
    shutdown: Object.freeze({ graceMs: env.SHUTDOWN_GRACE_MS, delayMs: env.SHUTDOWN_DELAY_MS }),
    trustProxy: env.TRUST_PROXY,
  };
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
  const hardening = hardeningConfig(env, problems);
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
    trustedDocuments,
    demoPage: env.DEMO_PAGE ?? !production,
    metricsPort: env.METRICS_PORT,
    tracesExporter: tracesExporterFrom(env),
    ...hardening,
    cacheTtlMs: env.CACHE_TTL_MS,
    jitAfterRuns: env.GRAPHQL_JIT_AFTER_RUNS,
  });
}
