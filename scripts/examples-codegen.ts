// `npm run examples:codegen`: regenerates examples/src/gql/ (typed documents
// and persisted-documents.json) from examples/codegen.ts, formatted like the
// rest of the project. `--check` writes nothing and exits 1 when stale.
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import type { Types } from '@graphql-codegen/plugin-helpers';
import config from '../examples/codegen';
import { ROOT, prettify, runScript, syncGeneratedFiles, type GeneratedFile } from './generated-files';

async function generateExamples(): Promise<GeneratedFile[]> {
  const outputs = (await generate({ ...config, cwd: ROOT, silent: true }, false)) as Types.FileOutput[];
  const files = outputs.map((output) => ({
    path: path.relative(ROOT, path.resolve(ROOT, output.filename)),
    content: output.content,
  }));
  return Promise.all(files.map(prettify));
}

if (require.main === module) {
  runScript(async () =>
    syncGeneratedFiles(await generateExamples(), {
      check: process.argv.includes('--check'),
      command: 'npm run examples:codegen',
    }),
  );
}
