import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { scanForSecrets } from '../audit/scan';
import { TEST_API_KEY } from '../helpers/gateway';
import { createLogger, scrubSecrets } from '../../src/logging';
import { LogCapture } from '../helpers/logs';

describe('the leak audit and the log scrubber', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pngw-audit-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('flags a key, a bearer credential and a JWT, and passes redacted lines', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    writeFileSync(
      path.join(dir, 'logs-1.txt'),
      [
        `{"msg":"${TEST_API_KEY}"}`,
        '{"h":"Bearer abc123"}',
        `{"t":"${jwt}"}`,
        '{"h":"Bearer [redacted]"}',
        '{"message":"Send Authorization: Bearer <token>"}',
      ].join('\n'),
    );
    const { logLines, hits } = scanForSecrets(dir);
    expect(logLines).toBe(5);
    expect(hits).toEqual([
      'logs-1.txt:1: the test API key',
      'logs-1.txt:1: a Cartesia-style key',
      'logs-1.txt:2: a bearer credential',
      'logs-1.txt:3: a JWT',
    ]);
  });

  it('the scrubber removes what the audit looks for', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    const line = `{"err":"failed with Authorization: Bearer ${TEST_API_KEY}","key":"${TEST_API_KEY}","t":"${jwt}","x":"Bearer\\tabc"}`;
    const scrubbed = scrubSecrets(line, [TEST_API_KEY]);
    writeFileSync(path.join(dir, 'logs-2.txt'), scrubbed);
    expect(scanForSecrets(dir).hits).toEqual([]);
    expect(JSON.parse(scrubbed)).toEqual({
      err: 'failed with Authorization: Bearer [redacted]',
      key: '[redacted]',
      t: '[redacted]',
      x: 'Bearer [redacted]',
    });
  });

  it('the logger removes credentials from error objects, causes and headers', () => {
    const capture = new LogCapture();
    const logger = createLogger({ level: 'debug', destination: capture, secrets: { secrets: () => [TEST_API_KEY] } });
    const cause = new Error(`upstream said no to key ${TEST_API_KEY}`);
    logger.error(
      {
        err: new Error('request failed', { cause }),
        req: { headers: { authorization: 'Bearer client-secret-token-1' } },
        upstream: { headers: { authorization: `Bearer ${TEST_API_KEY}` } },
        detail: `Authorization: Bearer ${TEST_API_KEY}`,
      },
      'boom',
    );
    logger.debug({ apiKey: TEST_API_KEY, token: 'client-secret-token-2' }, 'debug dump');
    const text = capture.lines.join('\n');
    expect(capture.lines).toHaveLength(2);
    for (const secret of [TEST_API_KEY, 'client-secret-token-1', 'client-secret-token-2'])
      expect(text).not.toContain(secret);
    expect(text).toContain('request failed');
  });
});
