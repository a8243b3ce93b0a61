import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '../..');
const SHARED_OPENAPI = path.resolve(ROOT, '../shared/cartesia-openapi.yaml');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

describe('generated code', () => {
  it('is what `npm run codegen` produces from the committed contracts', async () => {
    // Exits 1 and names the stale files when src/__generated__ was edited or not regenerated.
    const result = await promisify(execFile)(TSX, ['scripts/codegen.ts', '--check'], { cwd: ROOT });
    expect(result.stderr).toContain('generated code is up to date');
    expect(result.stdout).toBe('');
  }, 60_000);

  it('comes from the current upstream contract (when ../shared is present)', () => {
    if (!existsSync(SHARED_OPENAPI)) return;
    expect(readFileSync(path.join(ROOT, 'schema/cartesia-openapi.yaml'), 'utf8')).toBe(readFileSync(SHARED_OPENAPI, 'utf8'));
  });
});
