// Shared by the scripts that write committed, generated files (`npm run
// codegen`, `schema:print`, `examples:codegen`): format them, then either
// write the stale ones or, with `--check`, only report them and exit 1.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The project root: every generated path is relative to it. */
export const ROOT = path.resolve(__dirname, '..');

/** One generated file, in memory. */
export interface GeneratedFile {
  /** Relative to the project root. */
  path: string;
  content: string;
}

/** Formats a file with the project's prettier settings (chosen by its extension). */
export async function prettify(file: GeneratedFile): Promise<GeneratedFile> {
  // Loaded on use: prettier imports its plugins dynamically, which jest's VM
  // cannot do, and the tests import this module for ROOT and staleFiles.
  const { format, resolveConfig } = await import('prettier');
  const absolute = path.join(ROOT, file.path);
  const options = (await resolveConfig(absolute)) ?? {};
  return { ...file, content: await format(file.content, { ...options, filepath: absolute }) };
}

function committed(file: GeneratedFile): string | undefined {
  const absolute = path.join(ROOT, file.path);
  return existsSync(absolute) ? readFileSync(absolute, 'utf8') : undefined;
}

/** The files whose committed content differs from the generated one. */
export function staleFiles(files: readonly GeneratedFile[]): string[] {
  return files.filter((file) => committed(file) !== file.content).map((file) => file.path);
}

/**
 * Writes the stale files, or with `check` writes nothing and exits 1 naming
 * them. `command` is what the user runs to regenerate (for the message).
 * Both modes say what they did on stderr ("generated code is up to date" when nothing is stale).
 */
export function syncGeneratedFiles(
  files: readonly GeneratedFile[],
  options: { check: boolean; command: string },
): void {
  const stale = staleFiles(files);
  if (options.check) {
    if (stale.length) {
      console.error(`stale generated code: ${stale.join(', ')}; run \`${options.command}\` and commit`);
      process.exit(1);
    }
    console.error('generated code is up to date');
    return;
  }
  for (const file of files.filter((f) => stale.includes(f.path))) {
    const absolute = path.join(ROOT, file.path);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, file.content);
  }
  // stderr: `npm start` builds first, and its stdout carries the gateway's JSON log lines only.
  console.error(stale.length ? `wrote ${stale.join(', ')}` : 'generated code is up to date');
}

/** Runs a script's main, printing any error and exiting 1. */
export function runScript(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
