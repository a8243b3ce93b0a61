import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('has production-sane defaults', () => {
    expect(loadConfig({ CARTESIA_API_KEY: 'sk_car_x' })).toEqual({
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
      cacheTtlMs: 0,
      redisUrl: undefined,
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
    const production = loadConfig({ NODE_ENV: 'production', CARTESIA_API_KEY: 'k' });
    expect([production.introspection, production.sandbox]).toEqual([false, false]);
    const enabled = loadConfig({ NODE_ENV: 'production', CARTESIA_API_KEY: 'k', GRAPHQL_INTROSPECTION: 'true' });
    expect(enabled.introspection).toBe(true);
  });

  it('allows no key outside production (demo mode) and requires one in production', () => {
    expect(loadConfig({}).cartesiaApiKey).toBeUndefined();
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
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
});
