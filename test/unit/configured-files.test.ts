import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { readConfiguredFiles, startupWarnings } from '../../src/gateway';
import { problemsOf } from '../helpers/config';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** What the composition root reads from the files `env` names. */
const filesFrom = (env: Record<string, string>) => readConfiguredFiles(loadConfig({ CARTESIA_API_KEY: 'k', ...env }));

/** The problems reading those files gives; fails the test when there are none. */
const fileProblemsOf = (env: Record<string, string>) => problemsOf(env, filesFrom);

describe('the files the configuration names (read by the composition root)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pngw-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string) => {
    const target = path.join(dir, name);
    writeFileSync(target, content);
    return target;
  };

  it('reads the key from a mounted file, trimmed, and names a missing or empty one', () => {
    const key = file('key', 'sk_car_from_file\n');
    const config = loadConfig({ CARTESIA_API_KEY_FILE: key });
    expect(readConfiguredFiles(config).apiKey).toBe('sk_car_from_file');
    const problems = (env: Record<string, string>) => problemsOf(env, (e) => readConfiguredFiles(loadConfig(e)));
    expect(problems({ CARTESIA_API_KEY_FILE: `${key}.missing` })[0]).toMatch(/cannot read .*ENOENT/);
    expect(problems({ CARTESIA_API_KEY_FILE: file('empty-key', '\n') })).toEqual([
      `CARTESIA_API_KEY_FILE: ${path.join(dir, 'empty-key')} is empty`,
    ]);
    expect(problems({})).toEqual(['no Cartesia API key: set CARTESIA_API_KEY or CARTESIA_API_KEY_FILE']);
  });

  it('keeps static tokens only as SHA-256 digests, from the variable and from a file', () => {
    const tokens = file('tokens', '# clients\ntoken-from-file\n\n');
    const files = filesFrom({
      AUTH_MODE: 'static',
      AUTH_TOKENS: `plain-token, sha256:${sha256('pre-hashed').toUpperCase()}`,
      AUTH_TOKENS_FILE: tokens,
    });
    expect(files.auth).toEqual({
      mode: 'static',
      tokenSha256: [sha256('plain-token'), sha256('pre-hashed'), sha256('token-from-file')],
      writeTokenSha256: [],
    });
    expect(JSON.stringify(files)).not.toContain('plain-token');
    expect(fileProblemsOf({ AUTH_MODE: 'static', AUTH_TOKENS_FILE: '/nonexistent/tokens' })[0]).toMatch(
      /AUTH_TOKENS_FILE: cannot read .*ENOENT/,
    );
    expect(fileProblemsOf({ AUTH_MODE: 'static', AUTH_TOKENS_FILE: file('no-tokens', '# none yet\n') })).toEqual([
      'AUTH_MODE=static needs AUTH_TOKENS, AUTH_WRITE_TOKENS or their _FILE variants',
    ]);
  });

  describe('TRUSTED_DOCUMENTS', () => {
    it('loads a client-preset manifest', () => {
      const manifest = file('ok.json', JSON.stringify({ abc: '{ phoneNumbers { nodes { id } } }' }));
      expect(filesFrom({ TRUSTED_DOCUMENTS: manifest }).trustedDocuments?.size).toBe(1);
    });

    it.each([
      ['a missing file', () => path.join(dir, 'missing.json'), /cannot read .*missing\.json \(ENOENT\)/],
      ['a file that is not JSON', () => file('bad.json', '{ nope'), /bad\.json is not valid JSON/],
      ['a JSON array', () => file('array.json', '["{ a }"]'), /must be a JSON object mapping document ids/],
      ['an empty manifest', () => file('empty.json', '{}'), /has no documents/],
      ['a non-string document', () => file('number.json', '{"h": 1}'), /entry "h" must be a GraphQL document string/],
      [
        'a document that is not GraphQL',
        () => file('syntax.json', '{"h": "query {"}'),
        /entry "h" is not valid GraphQL/,
      ],
    ])('refuses %s, naming the variable', (_name, path, message) => {
      const problems = fileProblemsOf({ TRUSTED_DOCUMENTS: path() });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^TRUSTED_DOCUMENTS: /);
      expect(problems[0]).toMatch(message);
    });
  });
});

describe('startupWarnings', () => {
  const production = { NODE_ENV: 'production', CARTESIA_API_KEY: 'k' };
  const proxyWarning = (env: Record<string, string>) =>
    startupWarnings(loadConfig(env)).filter((line) => line.includes('TRUST_PROXY'));

  it('warns once when production limits anonymous clients by socket IP with no proxy trust configured', () => {
    expect(proxyWarning(production)).toEqual([
      expect.stringMatching(/^rate limit keys anonymous clients by socket IP/),
    ]);
  });

  it('stays quiet when proxy trust is configured, clients authenticate, the limit is off, or outside production', () => {
    expect(proxyWarning({ ...production, TRUST_PROXY: '1' })).toEqual([]);
    expect(proxyWarning({ ...production, TRUST_PROXY: 'false' })).toEqual([]);
    expect(proxyWarning({ ...production, AUTH_MODE: 'static', AUTH_TOKENS: 't' })).toEqual([]);
    expect(proxyWarning({ ...production, RATE_LIMIT_MAX: '0' })).toEqual([]);
    expect(proxyWarning({ CARTESIA_API_KEY: 'k' })).toEqual([]);
  });
});
