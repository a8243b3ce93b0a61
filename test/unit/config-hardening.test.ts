import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { problemsOf } from '../helpers/config';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

describe('loadConfig: production hardening', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({ CARTESIA_API_KEY: 'k' });
    expect(config).toMatchObject({
      requestDeadlineMs: 15_000,
      upstream: {
        connectTimeoutMs: 3_000,
        headersTimeoutMs: 10_000,
        bodyTimeoutMs: 10_000,
        connections: 64,
        maxQueue: 256,
        retries: 2,
        retryBaseDelayMs: 100,
        retryMaxDelayMs: 1_000,
        retryAfterMaxMs: 2_000,
        breakerThreshold: 5,
        breakerCooldownMs: 10_000,
      },
      limits: {
        bodyBytes: 65_536,
        maxDepth: 10,
        maxAliases: 15,
        maxRootFields: 15,
        maxUpstreamCalls: 10,
        maxDirectives: 20,
        maxTokens: 5_000,
        batching: false,
        maxBatchSize: 10,
      },
      corsOrigins: [],
      auth: { mode: 'none' },
      rateLimit: { max: 600, windowMs: 60_000 },
      redisUrl: undefined,
      shutdown: { graceMs: 10_000, delayMs: 0 },
      trustProxy: false,
    });
  });

  it('lets headers and body timeouts follow UPSTREAM_TIMEOUT_MS unless set', () => {
    expect(loadConfig({ UPSTREAM_TIMEOUT_MS: '700' }).upstream).toMatchObject({
      headersTimeoutMs: 700,
      bodyTimeoutMs: 700,
    });
    expect(loadConfig({ UPSTREAM_TIMEOUT_MS: '700', UPSTREAM_BODY_TIMEOUT_MS: '90' }).upstream.bodyTimeoutMs).toBe(90);
  });

  it('leaves client auth off unless AUTH_MODE is set, in production too', () => {
    expect(loadConfig({ NODE_ENV: 'production', CARTESIA_API_KEY: 'k' }).auth).toEqual({ mode: 'none' });
    expect(loadConfig({ NODE_ENV: 'production', CARTESIA_API_KEY: 'k', AUTH_MODE: 'none' }).auth).toEqual({
      mode: 'none',
    });
  });

  it('keeps static tokens only as SHA-256 digests, from the variable and from a file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pngw-tokens-'));
    try {
      const file = path.join(dir, 'tokens');
      writeFileSync(file, '# clients\ntoken-from-file\n\n');
      const config = loadConfig({
        AUTH_MODE: 'static',
        AUTH_TOKENS: `plain-token, sha256:${sha256('pre-hashed').toUpperCase()}`,
        AUTH_TOKENS_FILE: file,
      });
      expect(config.auth).toEqual({
        mode: 'static',
        tokenSha256: [sha256('plain-token'), sha256('pre-hashed'), sha256('token-from-file')],
      });
      expect(JSON.stringify(config)).not.toContain('plain-token');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says what each auth mode is missing', () => {
    expect(problemsOf({ AUTH_MODE: 'static' })).toEqual(['AUTH_MODE=static needs AUTH_TOKENS or AUTH_TOKENS_FILE']);
    expect(problemsOf({ AUTH_MODE: 'jwt', AUTH_JWT_ISSUER: 'i' })).toEqual([
      'AUTH_MODE=jwt needs AUTH_JWKS_URL, AUTH_JWT_AUDIENCE',
    ]);
    expect(problemsOf({ AUTH_MODE: 'static', AUTH_TOKENS_FILE: '/nonexistent/tokens' })[0]).toMatch(
      /AUTH_TOKENS_FILE: cannot read .*ENOENT/,
    );
  });

  it('parses lists and rejects nonsense, naming each variable', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example,' }).corsOrigins).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
    const problems = problemsOf({
      REDIS_URL: 'http://localhost:6379',
      UPSTREAM_RETRIES: '-1',
      GRAPHQL_MAX_DEPTH: '0',
      AUTH_MODE: 'basic',
      GRAPHQL_BATCHING: 'maybe',
    });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'AUTH_MODE',
      'GRAPHQL_BATCHING',
      'GRAPHQL_MAX_DEPTH',
      'REDIS_URL',
      'UPSTREAM_RETRIES',
    ]);
  });
});
