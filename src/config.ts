import { z } from 'zod';

// The gateway's configuration: one zod schema from the environment to the
// config object, whose output type *is* GatewayConfig. Parsing only: files the
// variables name (key file, token file, trusted-documents manifest) are read
// by the composition root (src/gateway.ts).

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

const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
const positiveInt = (max: number) => wholeNumber(1, max);
const nonNegativeInt = (max: number) => wholeNumber(0, max);
const port = () => wholeNumber(0, 65535);

const commaList = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

const otlpProtocol = z.enum(['http/protobuf', 'http/json'], {
  message: "must be http/protobuf or http/json (gRPC is not bundled; use the collector's HTTP port 4318)",
});

/**
 * Which proxies to believe about the client's address (X-Forwarded-For), in
 * Fastify's `trustProxy` terms: `false` none, a hop count (the proxies in
 * front of the gateway: 1 for one ingress or load balancer), or a list of
 * proxy addresses/CIDRs. `true` trusts every hop, so the left-most, client
 * written address wins; kept for compatibility, a hop count is safer.
 */
const trustProxy = z.string().transform((value, context): boolean | number | string[] => {
  if (value === 'false' || value === '0') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  const addresses = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  if (addresses.every((address) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(address))) return addresses;
  context.addIssue({ code: 'custom', message: 'must be false, true, a hop count, or proxy addresses/CIDRs' });
  return z.NEVER;
});

/** Every variable the gateway reads, each validated on its own. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: port().default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Upstream (Cartesia)
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
  CACHE_TTL_MS: nonNegativeInt(3_600_000).default(0),
  AGENTS_CACHE_TTL_MS: nonNegativeInt(3_600_000).default(10_000),
  // HTTP edge
  BODY_LIMIT_BYTES: positiveInt(16 * 1024 * 1024).default(64 * 1024),
  CORS_ORIGINS: commaList.optional(),
  TRUST_PROXY: trustProxy.optional(),
  DEMO_PAGE: booleanFlag.optional(),
  METRICS_PORT: port().optional(),
  // GraphQL
  GRAPHQL_INTROSPECTION: booleanFlag.optional(),
  GRAPHQL_SANDBOX: booleanFlag.optional(),
  TRUSTED_DOCUMENTS: z.string().min(1).optional(),
  GRAPHQL_MAX_DEPTH: positiveInt(100).default(10),
  GRAPHQL_MAX_ALIASES: nonNegativeInt(1_000).default(15),
  GRAPHQL_MAX_ROOT_FIELDS: positiveInt(1_000).default(15),
  GRAPHQL_MAX_MUTATIONS: positiveInt(100).default(5),
  GRAPHQL_MAX_UPSTREAM_CALLS: positiveInt(1_000).default(10),
  GRAPHQL_MAX_DIRECTIVES: nonNegativeInt(1_000).default(20),
  GRAPHQL_MAX_TOKENS: positiveInt(1_000_000).default(5_000),
  GRAPHQL_BATCHING: booleanFlag.default(false),
  GRAPHQL_MAX_BATCH_SIZE: positiveInt(1_000).default(10),
  GRAPHQL_JIT_AFTER_RUNS: nonNegativeInt(1_000_000).default(1),
  // Client authentication
  AUTH_MODE: z.enum(['none', 'static', 'jwt']).optional(),
  AUTH_TOKENS: commaList.optional(),
  AUTH_TOKENS_FILE: z.string().min(1).optional(),
  AUTH_WRITE_TOKENS: commaList.optional(),
  AUTH_WRITE_TOKENS_FILE: z.string().min(1).optional(),
  ALLOW_ANONYMOUS_WRITES: booleanFlag.optional(),
  AUTH_JWKS_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
  AUTH_JWT_ISSUER: z.string().min(1).optional(),
  AUTH_JWT_AUDIENCE: z.string().min(1).optional(),
  AUTH_JWT_ALGORITHMS: commaList.default(['RS256', 'ES256']),
  // Rate limit
  RATE_LIMIT_MAX: nonNegativeInt(1_000_000).default(600),
  RATE_LIMIT_WINDOW_MS: positiveInt(3_600_000).default(60_000),
  // Shared state
  REDIS_URL: z.url({ protocol: /^rediss?$/, message: 'must be a redis:// or rediss:// URL' }).optional(),
  // Tracing: the standard OpenTelemetry variables that decide whether it runs
  // at all (the SDK reads the rest itself: OTEL_SERVICE_NAME, samplers, headers).
  OTEL_SDK_DISABLED: booleanFlag.optional(),
  OTEL_TRACES_EXPORTER: z.enum(['otlp', 'console', 'none'], { message: 'must be otlp, console or none' }).optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ message: 'must be a URL' }).optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url({ message: 'must be a URL' }).optional(),
  OTEL_EXPORTER_OTLP_PROTOCOL: otlpProtocol.optional(),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: otlpProtocol.optional(),
  // Lifecycle
  SHUTDOWN_GRACE_MS: positiveInt(600_000).default(10_000),
  SHUTDOWN_DELAY_MS: nonNegativeInt(600_000).default(0),
});

type Env = z.output<typeof EnvSchema>;

/** Checks that span variables; each problem is one issue, so all are reported at once. */
function checkCombinations(env: Env, context: z.core.$RefinementCtx<Env>): void {
  const problem = (message: string) => context.addIssue({ code: 'custom', message, input: undefined });
  if (env.CARTESIA_API_KEY && env.CARTESIA_API_KEY_FILE) {
    problem('set CARTESIA_API_KEY or CARTESIA_API_KEY_FILE, not both');
  } else if (env.NODE_ENV === 'production' && !env.CARTESIA_API_KEY && !env.CARTESIA_API_KEY_FILE) {
    problem('CARTESIA_API_KEY (or CARTESIA_API_KEY_FILE) is required when NODE_ENV=production');
  }
  const staticTokens = [env.AUTH_TOKENS?.length, env.AUTH_TOKENS_FILE, env.AUTH_WRITE_TOKENS?.length, env.AUTH_WRITE_TOKENS_FILE];
  if (env.AUTH_MODE === 'static' && !staticTokens.some(Boolean)) {
    problem('AUTH_MODE=static needs AUTH_TOKENS, AUTH_WRITE_TOKENS or their _FILE variants');
  }
  if (env.ALLOW_ANONYMOUS_WRITES !== undefined && (env.AUTH_MODE ?? 'none') !== 'none') {
    problem('ALLOW_ANONYMOUS_WRITES only applies to AUTH_MODE=none');
  }
  if (env.AUTH_MODE === 'jwt') {
    const missing = (['AUTH_JWKS_URL', 'AUTH_JWT_ISSUER', 'AUTH_JWT_AUDIENCE'] as const).filter((name) => !env[name]);
    if (missing.length > 0) problem(`AUTH_MODE=jwt needs ${missing.join(', ')}`);
  }
}

/**
 * Tracing is off unless the OTEL_* variables configure an exporter: an
 * explicit OTEL_TRACES_EXPORTER, or an OTLP endpoint. `otlp-proto` is OTLP
 * over HTTP with protobuf (the OTel default), `otlp-json` the same with JSON.
 */
function tracesExporter(env: Env): 'otlp-proto' | 'otlp-json' | 'console' | 'none' {
  if (env.OTEL_SDK_DISABLED) return 'none';
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const exporter = env.OTEL_TRACES_EXPORTER ?? (endpoint ? 'otlp' : 'none');
  if (exporter !== 'otlp') return exporter;
  const protocol = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL;
  return protocol === 'http/json' ? 'otlp-json' : 'otlp-proto';
}

/** How the gateway authenticates *its* clients (not Cartesia). Like Apollo Router, opt-in. */
function auth(env: Env) {
  switch (env.AUTH_MODE) {
    case 'static':
      // Plain tokens or `sha256:<hex>` digests; the HTTP edge keeps digests only.
      // AUTH_TOKENS read; AUTH_WRITE_TOKENS read and write.
      return {
        mode: 'static' as const,
        tokens: env.AUTH_TOKENS ?? [],
        tokensFile: env.AUTH_TOKENS_FILE,
        writeTokens: env.AUTH_WRITE_TOKENS ?? [],
        writeTokensFile: env.AUTH_WRITE_TOKENS_FILE,
      };
    case 'jwt':
      return {
        mode: 'jwt' as const,
        jwksUrl: env.AUTH_JWKS_URL ?? '',
        issuer: env.AUTH_JWT_ISSUER ?? '',
        audience: env.AUTH_JWT_AUDIENCE ?? '',
        algorithms: env.AUTH_JWT_ALGORITHMS,
      };
    default:
      // Anonymous writes: the demo outside production; in production only when asked for.
      return { mode: 'none' as const, anonymousWrites: env.ALLOW_ANONYMOUS_WRITES ?? env.NODE_ENV !== 'production' };
  }
}

/** The parsed environment, grouped by concern. */
function byConcern(env: Env) {
  const production = env.NODE_ENV === 'production';
  return {
    nodeEnv: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    /** Shaped as the upstream client's options (src/cartesia), passed through as is. */
    upstream: {
      baseUrl: env.CARTESIA_BASE_URL,
      version: env.CARTESIA_VERSION,
      /** Absent only in development, where main.ts starts the demo upstream. */
      apiKey: env.CARTESIA_API_KEY,
      /** Mounted secret the key is read from; re-read on change and on a 401. */
      apiKeyFile: env.CARTESIA_API_KEY_FILE,
      /** Budget for one attempt: connect, headers and body together. */
      timeoutMs: env.UPSTREAM_TIMEOUT_MS,
      connectTimeoutMs: env.UPSTREAM_CONNECT_TIMEOUT_MS,
      headersTimeoutMs: env.UPSTREAM_HEADERS_TIMEOUT_MS ?? env.UPSTREAM_TIMEOUT_MS,
      bodyTimeoutMs: env.UPSTREAM_BODY_TIMEOUT_MS ?? env.UPSTREAM_TIMEOUT_MS,
      connections: env.UPSTREAM_CONNECTIONS,
      maxQueue: env.UPSTREAM_MAX_QUEUE,
      retry: {
        retries: env.UPSTREAM_RETRIES,
        baseDelayMs: env.UPSTREAM_RETRY_BASE_DELAY_MS,
        maxDelayMs: env.UPSTREAM_RETRY_MAX_DELAY_MS,
        retryAfterMaxMs: env.UPSTREAM_RETRY_AFTER_MAX_MS,
      },
      breaker: { threshold: env.UPSTREAM_BREAKER_THRESHOLD, cooldownMs: env.UPSTREAM_BREAKER_COOLDOWN_MS },
      /** Whole-operation budget: no upstream wait (attempts, backoff, queue) outlives it. */
      requestDeadlineMs: env.REQUEST_DEADLINE_MS,
      /** How long validated payloads are reused; 0 = no cache (the default). */
      cacheTtlMs: env.CACHE_TTL_MS,
      /** How long the agents list is shared between requests. */
      agentsCacheTtlMs: env.AGENTS_CACHE_TTL_MS,
    },
    http: {
      host: env.HOST,
      port: env.PORT,
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      /** Origins allowed to call from a browser; empty = no CORS headers at all. */
      corsOrigins: env.CORS_ORIGINS ?? [],
      /** Undefined when not configured (treated as false, and a production start says so). */
      trustProxy: env.TRUST_PROXY,
      demoPage: env.DEMO_PAGE ?? !production,
      /** Serve /metrics on this port only (its own server); undefined: on the main port. */
      metricsPort: env.METRICS_PORT,
    },
    graphql: {
      introspection: env.GRAPHQL_INTROSPECTION ?? !production,
      sandbox: env.GRAPHQL_SANDBOX ?? !production,
      /** A client-preset persisted-documents manifest: only its operations run. */
      trustedDocumentsFile: env.TRUSTED_DOCUMENTS,
      /** Runs of a document with graphql-js before graphql-jit compiles it (0: at once). */
      jitAfterRuns: env.GRAPHQL_JIT_AFTER_RUNS,
      limits: {
        maxDepth: env.GRAPHQL_MAX_DEPTH,
        maxAliases: env.GRAPHQL_MAX_ALIASES,
        maxRootFields: env.GRAPHQL_MAX_ROOT_FIELDS,
        maxMutations: env.GRAPHQL_MAX_MUTATIONS,
        maxUpstreamCalls: env.GRAPHQL_MAX_UPSTREAM_CALLS,
        maxDirectives: env.GRAPHQL_MAX_DIRECTIVES,
        maxTokens: env.GRAPHQL_MAX_TOKENS,
        batching: env.GRAPHQL_BATCHING,
        maxBatchSize: env.GRAPHQL_MAX_BATCH_SIZE,
      },
    },
    auth: auth(env),
    /** Requests per window per client; max 0 turns rate limiting off. */
    rateLimit: { max: env.RATE_LIMIT_MAX, windowMs: env.RATE_LIMIT_WINDOW_MS },
    /** State shared across replicas; undefined url: in memory. */
    redis: { url: env.REDIS_URL },
    tracing: { exporter: tracesExporter(env) },
    lifecycle: { shutdownGraceMs: env.SHUTDOWN_GRACE_MS, shutdownDelayMs: env.SHUTDOWN_DELAY_MS },
  };
}

/** Empty variables count as unset, as operators expect from `FOO=` in a compose file. */
const withoutEmpty = (env: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));

/** The environment to the gateway's configuration. */
export const ConfigSchema = z.preprocess(
  (env) => withoutEmpty(env as Record<string, unknown>),
  EnvSchema.superRefine(checkCombinations).transform(byConcern),
);

/** Everything the gateway reads from its environment, parsed once at start. */
export type GatewayConfig = z.output<typeof ConfigSchema>;

/** Every environment variable the gateway reads (deploy manifests are checked against it). */
export const ENV_VARIABLES: readonly string[] = Object.freeze(Object.keys(EnvSchema.shape));

/** Parses the environment; throws ConfigError listing every problem at once. Reads no file. */
export function loadConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const parsed = ConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) =>
      issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    ),
  );
}
