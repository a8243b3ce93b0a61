import { loadConfig } from '../../src/config';
import { problemsOf } from '../helpers/config';

describe('loadConfig', () => {
  it('has production-sane defaults', () => {
    expect(loadConfig({ CARTESIA_API_KEY: 'sk_car_x' })).toMatchObject({
      nodeEnv: 'development',
      logLevel: 'info',
      http: { host: '0.0.0.0', port: 4000, demoPage: true, metricsPort: undefined, trustProxy: undefined },
      upstream: {
        apiKey: 'sk_car_x',
        baseUrl: 'https://api.cartesia.ai',
        version: '2026-03-01',
        timeoutMs: 10000,
        cacheTtlMs: 0,
      },
      graphql: { introspection: true, sandbox: true, trustedDocumentsFile: undefined },
      redis: { url: undefined },
      tracing: { exporter: 'none' },
    });
  });

  it('reads the payload cache settings, and never echoes a Redis URL (it may hold a password)', () => {
    const config = loadConfig({
      CARTESIA_API_KEY: 'k',
      CACHE_TTL_MS: '1500',
      REDIS_URL: 'redis://:pw@127.0.0.1:6379/0',
    });
    expect([config.upstream.cacheTtlMs, config.redis.url]).toEqual([1500, 'redis://:pw@127.0.0.1:6379/0']);
    const problems = problemsOf({ CACHE_TTL_MS: '-1', REDIS_URL: 'http://user:hunter2@cache:6379' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['CACHE_TTL_MS', 'REDIS_URL']);
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it('turns Sandbox and introspection off in production unless enabled', () => {
    const production = loadConfig({ NODE_ENV: 'production', CARTESIA_API_KEY: 'k', AUTH_MODE: 'none' });
    expect([production.graphql.introspection, production.graphql.sandbox]).toEqual([false, false]);
    const enabled = loadConfig({
      NODE_ENV: 'production',
      CARTESIA_API_KEY: 'k',
      AUTH_MODE: 'none',
      GRAPHQL_INTROSPECTION: 'true',
    });
    expect(enabled.graphql.introspection).toBe(true);
  });

  it('allows no key outside production (demo mode) and requires one in production', () => {
    expect(loadConfig({}).upstream.apiKey).toBeUndefined();
    expect(problemsOf({ NODE_ENV: 'production', AUTH_MODE: 'none' })).toEqual([
      'CARTESIA_API_KEY (or CARTESIA_API_KEY_FILE) is required when NODE_ENV=production',
    ]);
  });

  it('takes a key file instead of a key, never both, and reads no file itself', () => {
    const config = loadConfig({ NODE_ENV: 'production', CARTESIA_API_KEY_FILE: '/nonexistent/key' });
    expect(config.upstream).toMatchObject({ apiKey: undefined, apiKeyFile: '/nonexistent/key' });
    expect(problemsOf({ CARTESIA_API_KEY_FILE: '/nonexistent/key', CARTESIA_API_KEY: 'k' })).toEqual([
      'set CARTESIA_API_KEY or CARTESIA_API_KEY_FILE, not both',
    ]);
  });

  it('reports every bad variable at once, naming it', () => {
    const problems = problemsOf({
      PORT: 'abc',
      CARTESIA_BASE_URL: 'ftp://x',
      UPSTREAM_TIMEOUT_MS: '0',
      NODE_ENV: 'staging',
    });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'CARTESIA_BASE_URL',
      'NODE_ENV',
      'PORT',
      'UPSTREAM_TIMEOUT_MS',
    ]);
  });

  it('never puts the key into an error', () => {
    const problems = problemsOf({ NODE_ENV: 'production', CARTESIA_API_KEY: 'sk_car_secret', PORT: '-1' });
    expect(problems.join('\n')).not.toContain('sk_car_secret');
  });

  it('treats empty variables as unset and strips a trailing slash from the base URL', () => {
    const config = loadConfig({ CARTESIA_API_KEY: 'k', PORT: '', CARTESIA_BASE_URL: 'http://127.0.0.1:9/v1/' });
    expect(config.http.port).toBe(4000);
    expect(config.upstream.baseUrl).toBe('http://127.0.0.1:9/v1');
  });

  it('serves the demo page outside production only, unless told otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'production', CARTESIA_API_KEY: 'k' }).http.demoPage).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', CARTESIA_API_KEY: 'k', DEMO_PAGE: 'true' }).http.demoPage).toBe(true);
    expect(loadConfig({ DEMO_PAGE: '0' }).http.demoPage).toBe(false);
  });

  it('takes a redis:// URL for shared state and rejects anything else', () => {
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/0' }).redis.url).toBe('redis://127.0.0.1:6379/0');
    expect(problemsOf({ REDIS_URL: 'http://127.0.0.1:6379' })).toEqual([
      'REDIS_URL: must be a redis:// or rediss:// URL',
    ]);
  });

  it('reads METRICS_PORT and REDIS_URL, and never echoes a Redis password in an error', () => {
    const config = loadConfig({ METRICS_PORT: '9464', REDIS_URL: 'redis://:pw@redis:6379/0' });
    expect([config.http.metricsPort, config.redis.url]).toEqual([9464, 'redis://:pw@redis:6379/0']);
    const problems = problemsOf({ METRICS_PORT: 'x', REDIS_URL: 'http://:hunter2@redis:6379' });
    expect([...problems].sort()).toEqual([
      'METRICS_PORT: must be a number',
      'REDIS_URL: must be a redis:// or rediss:// URL',
    ]);
  });

  it('takes TRUST_PROXY as a flag, a hop count or proxy addresses', () => {
    const trust = (value: string) => loadConfig({ TRUST_PROXY: value }).http.trustProxy;
    expect([trust('false'), trust('0'), trust('true'), trust('1'), trust('2')]).toEqual([false, false, true, 1, 2]);
    expect(trust('10.0.0.0/8, 127.0.0.1')).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(problemsOf({ TRUST_PROXY: 'the ingress' })).toEqual([
      'TRUST_PROXY: must be false, true, a hop count, or proxy addresses/CIDRs',
    ]);
  });

  it('traces only when the standard OTEL_* variables configure an exporter', () => {
    const exporter = (env: Record<string, string>) => loadConfig(env).tracing.exporter;
    expect(exporter({})).toBe('none');
    expect(exporter({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe('otlp-proto');
    expect(exporter({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json' })).toBe(
      'otlp-json',
    );
    expect(exporter({ OTEL_TRACES_EXPORTER: 'console' })).toBe('console');
    expect(exporter({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(
      'none',
    );
    expect(exporter({ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' })).toBe('none');
    expect(problemsOf({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })[0]).toMatch(
      /^OTEL_EXPORTER_OTLP_PROTOCOL: .*gRPC is not bundled/,
    );
  });
});
