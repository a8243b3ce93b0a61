import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { productionNodeFlags } from '../../bench/lib/production';

// `npm start`, the container's CMD and the benchmark run the gateway with the
// same node flags (they tune V8's heap: BENCHMARKS.md).

const ROOT = path.resolve(__dirname, '../..');

describe('the production start command', () => {
  const flags = productionNodeFlags(ROOT);

  it('is the same in the Dockerfile as in npm start', () => {
    const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1];
    expect(JSON.parse(cmd!)).toEqual(['node', ...flags, 'dist/main.js']);
  });

  it('only has flags this node accepts', () => {
    expect(flags.length).toBeGreaterThan(0);
    expect(() => execFileSync(process.execPath, [...flags, '-e', '0'], { stdio: 'pipe' })).not.toThrow();
  });
});
