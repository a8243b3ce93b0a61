import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The node flags of `npm start`, which the container's CMD repeats (a test
 * keeps the two equal): the benchmark runs the gateway exactly as deployed.
 */
export function productionNodeFlags(root: string): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [command, ...rest] = scripts.start!.split(/\s+/);
  if (command !== 'node' || rest.at(-1) !== 'dist/main.js') {
    throw new Error(`npm start is not "node [flags] dist/main.js": ${scripts.start}`);
  }
  return rest.slice(0, -1);
}
