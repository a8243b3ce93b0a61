import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { problemsOf } from '../helpers/config';

describe('loadConfig', () => {
  it('has production-sane defaults', () => {
    expect(loadConfig({ CARTESIA_API_KEY: 'sk_car_x' })).toMatchObject({
      nodeEnv: 'development',
      host: '0.0.0.0',
      port: 4000,
      cartesiaApiKey: 'sk_car_x',
      cartesiaBaseUrl: 'https://api.cartesia.ai',
      cartesiaVersion: '2026-03-01',
      upstreamTimeoutMs: 10000,
      introspection: true,
      sandbox: true,
      logLevel: 'info',
      redisUrl: undefined,
      trustedDocuments: undefined,
      demoPage: true,
      metricsPort: undefined,
      tracesExporter: 'none',
      cacheTtlMs: 0,
    });
  });

  it('reads the payload cache settings, and never echoes a Redis URL (it may hold a password)', () => {
    const config = loadConfig({ CARTESIA_API_KEY: 'k', CACHE_TTL_MS: '1500', REDIS_URL: 'redis://:pw@127.0.0.1:6379/0' });
    expect([config.cacheTtlMs, config.redisUrl]).toEqual([1500, 'redis://:pw@127.0.0.1:6379/0']);
    const problems = problemsOf({ CACHE_TTL_MS: '-1', REDIS_URL: 'http://user:hunter2@cache:6379' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['CACHE_TTL_MS', 'REDIS_URL']);
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it('turns Sandbox and introspection off in production unless enabled', () => {
    const production = loadConfig({ NODE_ENV: 'production', CARTESIA_API_KEY: 'k', AUTH_MODE: 'none' });
    expect([production.introspection, production.sandbox]).toEqual([false, false]);
    const enabled = loadConfig({
      NODE_ENV: 'production',
      CARTESIA_API_KEY: 'k',
      AUTH_MODE: 'none',
      GRAPHQL_INTROSPECTION: 'true',
    });
    expect(enabled.introspection).toBe(true);
  });

  it('allows no key outside production (demo mode) and requires one in production', () => {
    expect(loadConfig({}).cartesiaApiKey).toBeUndefined();
    expect(problemsOf({ NODE_ENV: 'production', AUTH_MODE: 'none' })).toEqual([
      'CARTESIA_API_KEY (or CARTESIA_API_KEY_FILE) is required when NODE_ENV=production',
    ]);
  });

  it('reads the key from a mounted file, trimmed', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pngw-')), 'key');
    writeFileSync(file, 'sk_car_from_file\n');
    expect(loadConfig({ CARTESIA_API_KEY_FILE: file }).cartesiaApiKey).toBe('sk_car_from_file');
    expect(problemsOf({ CARTESIA_API_KEY_FILE: `${file}.missing` })[0]).toMatch(/cannot read .*ENOENT/);
    expect(problemsOf({ CARTESIA_API_KEY_FILE: file, CARTESIA_API_KEY: 'k' })).toEqual([
      'set CARTESIA_API_KEY or CARTESIA_API_KEY_FILE, not both',
    ]);
  });

  it('reports every bad variable at once, naming it', () => {
    const problems = problemsOf({ PORT: 'abc', CARTESIA_BASE_URL: 'ftp://x', UPSTREAM_TIMEOUT_MS: '0', NODE_ENV: 'staging' });
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
    expect(config.port).toBe(4000);
    expect(config.cartesiaBaseUrl).toBe('http://127.0.0.1:9/v1');
  });

  it('serves the demo page outside production only, unless told otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'production', CARTESIA_API_KEY: 'k' }).demoPage).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', CARTESIA_API_KEY: 'k', DEMO_PAGE: 'true' }).demoPage).toBe(true);
    expect(loadConfig({ DEMO_PAGE: '0' }).demoPage).toBe(false);
  });

  it('takes a redis:// URL for shared state and rejects anything else', () => {
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/0' }).redisUrl).toBe('redis://127.0.0.1:6379/0');
    expect(problemsOf({ REDIS_URL: 'http://127.0.0.1:6379' })).toEqual(['REDIS_URL: must be a redis:// or rediss:// URL']);
  });

  describe('TRUSTED_DOCUMENTS', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pngw-trusted-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const file = (name: string, content: string) => {
      const target = path.join(dir, name);
      writeFileSync(target, content);
      return target;
    };

    it('loads a client-preset manifest', () => {
      const manifest = file('ok.json', JSON.stringify({ abc: '{ phoneNumbers { nodes { id } } }' }));
      expect(loadConfig({ TRUSTED_DOCUMENTS: manifest }).trustedDocuments?.size).toBe(1);
    });

    it.each([
      ['a missing file', () => path.join(dir, 'missing.json'), /cannot read .*missing\.json \(ENOENT\)/],
      ['a file that is not JSON', () => file('bad.json', '{ nope'), /bad\.json is not valid JSON/],
      ['a JSON array', () => file('array.json', '["{ a }"]'), /must be a JSON object mapping document ids/],
      ['an empty manifest', () => file('empty.json', '{}'), /has no documents/],
      ['a non-string document', () => file('number.json', '{"h": 1}'), /entry "h" must be a GraphQL document string/],
      ['a document that is not GraphQL', () => file('syntax.json', '{"h": "query {"}'), /entry "h" is not valid GraphQL/],
    ])('refuses %s, naming the variable', (_name, path, message) => {
      const problems = problemsOf({ TRUSTED_DOCUMENTS: path() });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^TRUSTED_DOCUMENTS: /);
      expect(problems[0]).toMatch(message);
    });
  });

  it('reads METRICS_PORT and REDIS_URL, and never echoes a Redis password in an error', () => {
    const config = loadConfig({ METRICS_PORT: '9464', REDIS_URL: 'redis://:pw@redis:6379/0' });
    expect([config.metricsPort, config.redisUrl]).toEqual([9464, 'redis://:pw@redis:6379/0']);
    const problems = problemsOf({ METRICS_PORT: 'x', REDIS_URL: 'http://:hunter2@redis:6379' });
    expect([...problems].sort()).toEqual(['METRICS_PORT: must be a number', 'REDIS_URL: must be a redis:// or rediss:// URL']);
  });

  it('traces only when the standard OTEL_* variables configure an exporter', () => {
    const exporter = (env: Record<string, string>) => loadConfig(env).tracesExporter;
    expect(exporter({})).toBe('none');
    expect(exporter({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe('otlp-proto');
    expect(exporter({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json' })).toBe('otlp-json');
    expect(exporter({ OTEL_TRACES_EXPORTER: 'console' })).toBe('console');
    expect(exporter({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe('none');
    expect(exporter({ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' })).toBe('none');
    expect(problemsOf({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })[0]).toMatch(/^OTEL_EXPORTER_OTLP_PROTOCOL: .*gRPC is not bundled/);
  });
});

