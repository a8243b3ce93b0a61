import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** The folder with the GraphQL SDL (`*.graphql`) and the upstream OpenAPI file. */
export const SCHEMA_DIR = path.resolve(__dirname, '../../schema');

/** Every `schema/*.graphql` file, in name order: the gateway's type definitions. */
export function loadTypeDefs(dir = SCHEMA_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => readFileSync(path.join(dir, name), 'utf8'));
}
