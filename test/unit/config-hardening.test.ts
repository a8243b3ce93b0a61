import { loadConfig } from '../../src/config';
import { problemsOf } from '../helpers/config';

describe('loadConfig: production hardening', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({ CARTESIA_API_KEY: 'k' });
    expect(config).toMatchObject({
      upstream: {
        requestDeadlineMs: 15_000,
        connectTimeoutMs: 3_000,
        headersTimeoutMs: 10_000,
        bodyTimeoutMs: 10_000,
        connections: 64,
        maxQueue: 256,
        retry: { retries: 2, baseDelayMs: 100, maxDelayMs: 1_000, retryAfterMaxMs: 2_000 },
        breaker: { threshold: 5, cooldownMs: 10_000 },
      },
      http: { bodyLimitBytes: 65_536, corsOrigins: [], trustProxy: undefined },
      graphql: {
        limits: {
          maxDepth: 10,
          maxAliases: 15,
          maxRootFields: 15,
          maxUpstreamCalls: 10,
          maxDirectives: 20,
          maxTokens: 5_000,
          batching: false,
          maxBatchSize: 10,
        },
      },
      auth: { mode: 'none' },
      rateLimit: { max: 600, windowMs: 60_000 },
      redis: { url: undefined },
      lifecycle: { shutdownGraceMs: 10_000, shutdownDelayMs: 0 },
    });
  });

  it('lets headers and body timeouts follow UPSTREAM_TIMEOUT_MS unless set', () => {
    expect(loadConfig({ UPSTREAM_TIMEOUT_MS: '700' }).upstream).toMatchObject({
      headersTimeoutMs: 700,
      bodyTimeoutMs: 700,
    });
    expect(loadConfig({ UPSTREAM_TIMEOUT_MS: '700', UPSTREAM_BODY_TIMEOUT_MS: '90' }).upstream.bodyTimeoutMs).toBe(90);
  });

  it('leaves client auth off unless AUTH_MODE is set, in production too, but then refuses anonymous writes', () => {
    const production = { NODE_ENV: 'production', CARTESIA_API_KEY: 'k' };
    expect(loadConfig(production).auth).toEqual({ mode: 'none', anonymousWrites: false });
    expect(loadConfig({ ...production, AUTH_MODE: 'none' }).auth).toEqual({ mode: 'none', anonymousWrites: false });
    expect(loadConfig({ ...production, ALLOW_ANONYMOUS_WRITES: 'true' }).auth).toEqual({
      mode: 'none',
      anonymousWrites: true,
    });
  });

  it('lets the demo write anonymously outside production, unless told not to', () => {
    expect(loadConfig({}).auth).toEqual({ mode: 'none', anonymousWrites: true });
    expect(loadConfig({ ALLOW_ANONYMOUS_WRITES: 'false' }).auth).toEqual({ mode: 'none', anonymousWrites: false });
    expect(problemsOf({ AUTH_MODE: 'jwt', ALLOW_ANONYMOUS_WRITES: 'true' })).toContain(
      'ALLOW_ANONYMOUS_WRITES only applies to AUTH_MODE=none',
    );
  });

  it('says what each auth mode is missing', () => {
    expect(problemsOf({ AUTH_MODE: 'static' })).toEqual(['AUTH_MODE=static needs AUTH_TOKENS, AUTH_WRITE_TOKENS or their _FILE variants']);
    expect(problemsOf({ AUTH_MODE: 'jwt', AUTH_JWT_ISSUER: 'i' })).toEqual([
      'AUTH_MODE=jwt needs AUTH_JWKS_URL, AUTH_JWT_AUDIENCE',
    ]);
  });

  it('parses lists and rejects nonsense, naming each variable', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example,' }).http.corsOrigins).toEqual([
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
