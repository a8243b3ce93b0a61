import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// The layers of src/ and the direction of their imports (README,
// "Architecture"): the HTTP edge and the GraphQL layer sit above the
// loaders, which sit above the upstream client; cross-cutting modules
// (observability, stores, logging, error codes) never reach up; only the
// composition root (gateway.ts, with main.ts) reads config.

const SRC = path.resolve(__dirname, '../../src');
const ROOT_MODULES = new Set(['gateway', 'main']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

/** The src-relative module each relative import of `file` names (type-only imports too). */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((entry) => entry.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => path.relative(SRC, path.resolve(path.dirname(file), name)));
}

/** The unit a module belongs to: its top-level folder, or its own name for a top-level file. */
const unitOf = (module: string) => module.split(path.sep)[0]!.replace(/\.ts$/, '');

const files = sourceFiles(SRC).filter((file) => !file.includes(`${path.sep}__generated__${path.sep}`));
const edges = files.flatMap((file) => {
  const from = path.relative(SRC, file).replace(/\.ts$/, '');
  return importsOf(file).map((to) => ({ from, to }));
});

/** `from -> to` for every import from a module of unit `fromUnit` into one of `toUnits`. */
const importsBetween = (fromUnit: string, toUnits: readonly string[]) =>
  edges
    .filter(({ from, to }) => unitOf(from) === fromUnit && toUnits.includes(unitOf(to)))
    .map(({ from, to }) => `${from} -> ${to}`);

describe('the dependency direction of src/', () => {
  it('is read from real imports (the test sees the layers)', () => {
    expect(importsBetween('graphql', ['loaders']).length).toBeGreaterThan(0);
    expect(importsBetween('loaders', ['cartesia']).length).toBeGreaterThan(0);
  });

  it('keeps the upstream client free of everything above it', () => {
    expect(
      importsBetween('cartesia', ['graphql', 'http', 'observability', 'loaders', 'stores', 'config', 'gateway']),
    ).toEqual([]);
  });

  it('keeps the HTTP edge and the GraphQL layer apart', () => {
    expect(importsBetween('http', ['graphql', 'loaders', 'cartesia'])).toEqual([]);
    expect(importsBetween('graphql', ['http'])).toEqual([]);
  });

  it('never lets a lower layer or a cross-cutting module import a higher one', () => {
    const higher = ['http', 'graphql', 'gateway', 'main'];
    for (const lower of [
      'loaders',
      'observability',
      'stores',
      'trusted-documents',
      'demo-upstream',
      'logging',
      'error-codes',
      'request-stats',
    ]) {
      expect([lower, importsBetween(lower, higher)]).toEqual([lower, []]);
    }
  });

  it('lets only the composition root import config.ts', () => {
    const importers = edges.filter(({ to }) => to === 'config').map(({ from }) => from);
    expect(importers.length).toBeGreaterThan(0);
    expect(importers.filter((from) => !ROOT_MODULES.has(from))).toEqual([]);
  });

  it('has no circle between folders', () => {
    const graph = new Map<string, Set<string>>();
    for (const { from, to } of edges) {
      if (unitOf(from) === unitOf(to)) continue;
      if (!graph.has(unitOf(from))) graph.set(unitOf(from), new Set());
      graph.get(unitOf(from))!.add(unitOf(to));
    }
    const circles: string[] = [];
    const visit = (unit: string, trail: string[]) => {
      if (trail.includes(unit)) {
        circles.push([...trail.slice(trail.indexOf(unit)), unit].join(' -> '));
        return;
      }
      for (const next of graph.get(unit) ?? []) visit(next, [...trail, unit]);
    };
    for (const unit of graph.keys()) visit(unit, []);
    expect([...new Set(circles)]).toEqual([]);
  });
});
