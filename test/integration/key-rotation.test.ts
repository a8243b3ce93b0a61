import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FileApiKey } from '../../src/cartesia/api-key';
import { startTestStack, type TestStack } from '../helpers/gateway';
import { pollUntil } from '../helpers/wait';

const KEY_A = 'sk_car_rotation_key_aaaaaaaa';
const KEY_B = 'sk_car_rotation_key_bbbbbbbb';
const KEY_C = 'sk_car_rotation_key_cccccccc';

describe('API key rotation from CARTESIA_API_KEY_FILE, without restart', () => {
  let dir: string;
  let keyFile: string;
  let stack: TestStack;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pngw-key-'));
    keyFile = path.join(dir, 'cartesia-key');
    writeFileSync(keyFile, `${KEY_A}\n`);
    stack = await startTestStack({ apiKey: KEY_A, env: { CARTESIA_API_KEY_FILE: keyFile } });
    stack.upstream.rotateApiKey(KEY_A);
  });
  afterAll(async () => {
    await stack.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const bearers = () => stack.upstream.requests.map((r) => r.headers.authorization);

  it('uses the new key after the file changes, and re-reads it on a 401', async () => {
    expect((await stack.data('{ phoneNumbers(first: 1) { nodes { id } } }')).phoneNumbers.nodes).toHaveLength(1);
    expect(bearers()).toEqual([`Bearer ${KEY_A}`]);

    // Rotation: Cartesia accepts only the new key, and the secret file gets it.
    stack.upstream.rotateApiKey(KEY_B);
    writeFileSync(keyFile, `${KEY_B}\n`);
    stack.upstream.clearRequests();
    expect((await stack.data('{ phoneNumbers(first: 1) { nodes { id } } }')).phoneNumbers.nodes).toHaveLength(1);
    // Either the file watcher had already picked it up, or the 401 made the client re-read it.
    expect(bearers().at(-1)).toBe(`Bearer ${KEY_B}`);

    // This time the watcher alone must notice, before any call is made.
    const rotationsLogged = () =>
      stack.logs.entries().filter((entry) => /API key file changed/.test(String(entry.msg))).length;
    const before = rotationsLogged();
    stack.upstream.rotateApiKey(KEY_C);
    writeFileSync(keyFile, KEY_C);
    await pollUntil(() => rotationsLogged() > before, 'the file watcher to log the rotation');
    stack.upstream.clearRequests();
    expect((await stack.data('{ phoneNumbers(first: 1) { nodes { id } } }')).phoneNumbers.nodes).toHaveLength(1);
    expect(bearers()).toEqual([`Bearer ${KEY_C}`]);

    for (const key of [KEY_A, KEY_B, KEY_C]) expect(stack.logs.lines.join('\n')).not.toContain(key);
  });
});

describe('FileApiKey', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pngw-key-unit-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reloads only on a real change, keeps the old key while the file is missing or empty', () => {
    const file = path.join(dir, 'key');
    writeFileSync(file, KEY_A);
    const source = new FileApiKey(file, { pollMs: 60_000 });
    try {
      expect(source.current()).toBe(KEY_A);
      expect(source.reload()).toBe(false);
      writeFileSync(file, '  \n');
      expect(source.reload()).toBe(false);
      rmSync(file);
      expect(source.reload()).toBe(false);
      expect(source.current()).toBe(KEY_A);
      writeFileSync(file, `${KEY_B}\n`);
      expect(source.reload()).toBe(true);
      expect(source.current()).toBe(KEY_B);
    } finally {
      source.close();
    }
  });

  it('notices a change by itself', async () => {
    const file = path.join(dir, 'key');
    writeFileSync(file, KEY_A);
    let rotations = 0;
    const source = new FileApiKey(file, { pollMs: 20, onRotate: () => (rotations += 1) });
    try {
      // Written again on every check: a write that lands before the watcher's
      // first stat would be its baseline, not a change.
      await pollUntil(() => {
        writeFileSync(file, KEY_B);
        return rotations === 1;
      }, 'the watcher to see the new key');
      expect(source.current()).toBe(KEY_B);
    } finally {
      source.close();
    }
  });
});
