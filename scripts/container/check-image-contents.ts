// `tsx scripts/container/check-image-contents.ts ROOTFS`: checks that a built
// image's /app (ROOTFS is the image's filesystem, from `podman image mount`)
// holds the compiled output, the schema files, package.json and production
// dependencies, and nothing else: no sources, tests, source maps or dev
// dependencies. Prints every problem found and exits 1, or prints one summary line.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const APP_ENTRIES = ['dist', 'node_modules', 'package.json', 'schema'];

interface LockEntry {
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
}

/** Every file below `dir`, as sorted paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

function difference(left: readonly string[], right: readonly string[]): string[] {
  const exclude = new Set(right);
  return left.filter((item) => !exclude.has(item));
}

/** dist/ must be exactly one .js per TypeScript source under src/. */
function checkCompiledOutput(app: string, problems: string[]): number {
  const expected = filesUnder(path.join(ROOT, 'src'))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => file.replace(/\.ts$/, '.js'));
  const actual = filesUnder(path.join(app, 'dist'));
  for (const file of difference(actual, expected)) problems.push(`dist/${file}: not the compiled output of a source file`);
  for (const file of difference(expected, actual)) problems.push(`dist/${file}: missing from the image`);
  return actual.length;
}

function checkSchemaFiles(app: string, problems: string[]): number {
  const expected = filesUnder(path.join(ROOT, 'schema'));
  const actual = filesUnder(path.join(app, 'schema'));
  for (const file of difference(actual, expected)) problems.push(`schema/${file}: not in the repository's schema/`);
  for (const file of difference(expected, actual)) problems.push(`schema/${file}: missing from the image`);
  return actual.length;
}

/** The lock file says which installed paths are dev-only; none may be in the image, every production one must. */
function checkDependencies(app: string, problems: string[]): { production: number; devOnly: number } {
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  let production = 0;
  let devOnly = 0;
  for (const [location, entry] of Object.entries(lock.packages)) {
    if (!location.startsWith('node_modules/')) continue;
    const present = existsSync(path.join(app, location, 'package.json'));
    if (entry.dev) {
      devOnly += 1;
      if (present) problems.push(`${location}: a dev dependency is in the image`);
    } else if (!entry.optional && !entry.devOptional) {
      production += 1;
      if (!present) problems.push(`${location}: a production dependency is missing from the image`);
    }
  }
  return { production, devOnly };
}

function main(): void {
  const rootfs = process.argv[2];
  if (!rootfs) throw new Error('usage: check-image-contents.ts ROOTFS');
  const app = path.join(rootfs, 'app');
  const problems: string[] = [];
  const entries = readdirSync(app).sort();
  for (const entry of difference(entries, APP_ENTRIES)) problems.push(`/app/${entry}: only ${APP_ENTRIES.join(', ')} belong in /app`);
  for (const entry of difference(APP_ENTRIES, entries)) problems.push(`/app/${entry}: missing from the image`);
  if (problems.length === 0) {
    const compiled = checkCompiledOutput(app, problems);
    const schemaFiles = checkSchemaFiles(app, problems);
    const { production, devOnly } = checkDependencies(app, problems);
    if (problems.length === 0) {
      console.log(
        `image contents: /app holds dist/ (${compiled} compiled files, one per source), schema/ (${schemaFiles} files), ` +
          `package.json and node_modules/ (${production} production packages, none of the ${devOnly} dev-only ones)`,
      );
      return;
    }
  }
  console.error(`image contents: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

main();
