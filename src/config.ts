import { readFileSync } from 'node:fs';
import { z } from 'zod';

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
  /** How long validated upstream payloads are reused; 0 = no cache (the default). */
  readonly cacheTtlMs: number;
  /** Keep the payload cache in Redis here instead of process memory. */
  readonly redisUrl: string | undefined;
}

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
  CACHE_TTL_MS: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0).max(3_600_000).default(0),
  REDIS_URL: z.url({ protocol: /^rediss?$/, message: 'must be a redis:// or rediss:// URL' }).optional(),
});

type Env = Record<string, string | undefined>;

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
    cacheTtlMs: env.CACHE_TTL_MS,
    redisUrl: env.REDIS_URL,
  });
}
