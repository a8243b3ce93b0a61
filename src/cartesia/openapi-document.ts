import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** Where the upstream contract lives (a verbatim copy of ../shared/cartesia-openapi.yaml). */
export const OPENAPI_PATH = path.resolve(__dirname, '../../schema/cartesia-openapi.yaml');

type JsonObject = { [key: string]: unknown };

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function forEachDiscriminator(node: unknown, visit: (discriminator: JsonObject) => void): void {
  if (Array.isArray(node)) return node.forEach((child) => forEachDiscriminator(child, visit));
  if (!isObject(node)) return;
  if (isObject(node.discriminator)) visit(node.discriminator);
  Object.values(node).forEach((child) => forEachDiscriminator(child, visit));
}

/**
 * How discriminator mappings come out. Cartesia's file writes them as
 * `{ $ref: ... }` objects, which OpenAPI does not allow and openapi-typescript
 * chokes on ('strings' fixes them); ajv supports no mapping at all ('omit'
 * drops them: every oneOf member pins `type` with an enum anyway).
 */
export type DiscriminatorMappings = 'strings' | 'omit';

/** The parsed OpenAPI document, normalized for the tool that reads it. The copy on disk stays verbatim. */
export function loadOpenApiDocument(mappings: DiscriminatorMappings = 'strings', file = OPENAPI_PATH): JsonObject {
  const document: unknown = parse(readFileSync(file, 'utf8'));
  if (!isObject(document)) throw new Error(`${file} is not an OpenAPI document`);
  forEachDiscriminator(document, (discriminator) => {
    if (!isObject(discriminator.mapping)) return;
    if (mappings === 'omit') {
      delete discriminator.mapping;
      return;
    }
    for (const [key, target] of Object.entries(discriminator.mapping)) {
      if (isObject(target) && typeof target.$ref === 'string') discriminator.mapping[key] = target.$ref;
    }
  });
  return document;
}

/** A short hash of the contract file's bytes: names the upstream contract a payload was validated against. */
export function openApiFingerprint(file = OPENAPI_PATH): string {
  return createHash('sha256').update(readFileSync(file)).digest('base64url').slice(0, 12);
}
