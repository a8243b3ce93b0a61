// Request validation derived from schema/cartesia-openapi.yaml: each
// operation's parameters become JSON schemas for Fastify's querystring,
// params and headers, its requestBody the body schema, all compiled by one
// ajv instance that knows the whole document (for $refs). The demo upstream
// must refuse whatever the real API would, so gateway bugs surface as 400s.
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchema, FastifySchemaCompiler, HTTPMethods } from 'fastify';
import type { operations } from '../__generated__/cartesia-openapi';
import { loadOpenApiDocument } from '../cartesia/openapi-document';
import type { PhoneNumberListQuery } from '../cartesia/types';

export type OperationId = keyof operations;

type JsonSchema = { [key: string]: unknown };
type Location = 'query' | 'header' | 'path';

interface Parameter {
  name: string;
  in: Location | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

interface Operation {
  operationId?: string;
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
}

/** One operation of the OpenAPI file, as a Fastify route definition. */
export interface OpenApiRoute {
  method: HTTPMethods;
  /** Fastify syntax: '/agents/phone-numbers/:id'. */
  url: string;
  schema: FastifySchema;
}

const DOCUMENT_ID = 'cartesia-openapi';
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * Rules the OpenAPI file states only in prose (descriptions), made checkable.
 * Keyed by the generated query type, so renaming a parameter breaks the build.
 */
const PROSE_CONSTRAINTS: Partial<Record<OperationId, Record<string, JsonSchema>>> = {
  phone_numbers_list: {
    // "The number of phone numbers to return per page, ranging between 1 and 100."
    limit: { minimum: 1, maximum: 100 },
  } satisfies Partial<Record<keyof PhoneNumberListQuery, JsonSchema>>,
};

const isObject = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

let document: JsonSchema | undefined;
let ajv: Ajv | undefined;

function openApiDocument(): JsonSchema {
  // 'omit': ajv knows no discriminator mapping; every oneOf member pins its `type` anyway.
  document ??= loadOpenApiDocument('omit');
  return document;
}

function validatorAjv(): Ajv {
  if (ajv) return ajv;
  // No type coercion: query values are decoded by `wireDecoder`, which accepts only canonical forms.
  // verbose: a oneOf error carries its schema, whose member titles name the allowed shapes.
  ajv = new Ajv({ strict: false, discriminator: true, allErrors: false, verbose: true });
  addFormats(ajv, { mode: 'fast' });
  ajv.addSchema({ ...openApiDocument(), $id: DOCUMENT_ID });
  return ajv;
}

/** Follows a local JSON pointer ('#/components/parameters/X') in the document. */
function resolvePointer(ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported, got ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), openApiDocument());
}

/** Rewrites '#/…' refs to point into the document registered with ajv, so a schema compiles on its own. */
function absoluteRefs<T>(node: T): T {
  if (Array.isArray(node)) return node.map(absoluteRefs) as T;
  if (!isObject(node)) return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === '$ref' && typeof value === 'string' ? `${DOCUMENT_ID}${value}` : absoluteRefs(value);
  }
  return out as T;
}

function findOperation(operationId: OperationId): {
  path: string;
  method: (typeof METHODS)[number];
  operation: Operation;
} {
  const paths = openApiDocument().paths;
  for (const [path, item] of Object.entries(isObject(paths) ? paths : {})) {
    for (const method of METHODS) {
      const operation = isObject(item) ? item[method] : undefined;
      if (isObject(operation) && operation.operationId === operationId) return { path, method, operation };
    }
  }
  throw new Error(`operation ${operationId} is not in the OpenAPI file`);
}

function parameters(operation: Operation): Parameter[] {
  return (operation.parameters ?? []).map((p) => ('$ref' in p ? (resolvePointer(p.$ref) as Parameter) : p));
}

/** The JSON schema of one request part: an object with a property per parameter declared there. */
function parametersSchema(all: Parameter[], location: Location, constraints: Record<string, JsonSchema>): JsonSchema {
  const declared = all.filter((p) => p.in === location);
  // Node lowercases header names; the file writes them as 'Cartesia-Version'.
  const key = (p: Parameter): string => (location === 'header' ? p.name.toLowerCase() : p.name);
  return absoluteRefs({
    type: 'object',
    properties: Object.fromEntries(declared.map((p) => [key(p), { ...p.schema, ...constraints[p.name] }])),
    required: declared.filter((p) => p.required).map(key),
    // Clients send many headers; but a query or path parameter the file does not declare is a client bug.
    additionalProperties: location === 'header',
  });
}

function bodySchema(operation: Operation): JsonSchema | undefined {
  const { requestBody } = operation;
  if (!requestBody) return undefined;
  const types = Object.keys(requestBody.content ?? {});
  // One plain schema (not Fastify's per-content-type map): a body of any other type must fail it, not skip it.
  if (types.join() !== 'application/json') throw new Error(`unsupported request body types: ${types.join(', ')}`);
  return absoluteRefs(requestBody.content?.['application/json']?.schema ?? {});
}

/** The Fastify route (method, url, request schemas) of an OpenAPI operation. */
export function openApiRoute(operationId: OperationId): OpenApiRoute {
  const { path, method, operation } = findOperation(operationId);
  const all = parameters(operation);
  const constraints = PROSE_CONSTRAINTS[operationId] ?? {};
  const body = bodySchema(operation);
  return {
    method: method.toUpperCase() as HTTPMethods,
    url: path.replace(/\{([^}]+)\}/g, ':$1'),
    schema: {
      headers: parametersSchema(all, 'header', constraints),
      querystring: parametersSchema(all, 'query', constraints),
      params: parametersSchema(all, 'path', constraints),
      ...(body && { body }),
    },
  };
}

// ---------------------------------------------------------------------------
// Compiling for Fastify.

/** Quotes user input for an error message without letting a huge value bloat the reply. */
export function preview(value: unknown): string {
  const text = String(value);
  return JSON.stringify(text.length > 64 ? `${text.slice(0, 64)}…` : text);
}

const NOUNS: Record<string, string> = {
  querystring: 'query parameter',
  params: 'path parameter',
  headers: 'header',
  body: 'body property',
};

/** The titles of a oneOf's members ('By ID', 'By Twilio Account'), from the document. */
function memberTitles(members: unknown): string[] {
  if (!Array.isArray(members)) return [];
  return members.flatMap((member) => {
    const schema = isObject(member) && typeof member.$ref === 'string' ? resolvePointer(member.$ref) : member;
    return isObject(schema) && typeof schema.title === 'string' ? [schema.title] : [];
  });
}

/**
 * The violation to describe: a failed oneOf, not its first member's failure
 * ("Unknown property" for a valid Twilio reference is a riddle), else the first.
 */
function violationToDescribe(errors: ErrorObject[] | null | undefined): ErrorObject | undefined {
  return errors?.find((error) => error.keyword === 'oneOf') ?? errors?.[0];
}

/** A human-readable sentence for a violation (error bodies are for operators reading logs). */
function describeRequestError(httpPart: string, error: ErrorObject | undefined): string {
  const noun = NOUNS[httpPart] ?? httpPart;
  if (!error) return `Invalid ${noun}.`;
  const { params } = error;
  const field = error.instancePath.slice(1);
  // Nested properties are named by their path, as the other messages do: "provider/id".
  const named = (property: unknown): string => preview(field ? `${field}/${String(property)}` : property);
  if (error.keyword === 'additionalProperties') return `Unknown ${noun} ${named(params.additionalProperty)}.`;
  if (error.keyword === 'required') return `The ${noun} ${named(params.missingProperty)} is required.`;
  const subject = field ? `The ${noun} ${preview(field)}` : `The ${httpPart}`;
  if (error.keyword === 'oneOf') {
    const shapes = memberTitles(isObject(error.parentSchema) ? error.parentSchema.oneOf : undefined);
    return `${subject} must be exactly one of: ${shapes.join(', ') || 'the allowed shapes'}.`;
  }
  const allowed = Array.isArray(params.allowedValues) ? `: ${params.allowedValues.join(', ')}` : '';
  return `${subject} ${error.message ?? 'is invalid'}${allowed}.`;
}

// Query and path values are strings on the wire; an integer is written in its canonical decimal form.
const CANONICAL_INTEGER = /^-?(?:0|[1-9][0-9]*)$/;

/**
 * Turns canonical integer strings into numbers for the properties the schema
 * types as integers. Anything else ('05', ' 5', '1e1') stays a string and
 * fails `type: integer`, as it would against a strict real API.
 */
function wireDecoder(schema: JsonSchema): ((data: unknown) => unknown) | undefined {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const integers = Object.keys(properties).filter((name) => {
    const property = properties[name];
    return isObject(property) && property.type === 'integer';
  });
  if (integers.length === 0) return undefined;
  return (data) => {
    if (!isObject(data)) return data;
    // A copy: the request log keeps the query exactly as received.
    const decoded = { ...data };
    for (const name of integers) {
      const raw = decoded[name];
      if (typeof raw === 'string' && CANONICAL_INTEGER.test(raw)) decoded[name] = Number(raw);
    }
    return decoded;
  };
}

/** For an operation with a request body, when none was sent or one of another type (drained unread). */
export const MISSING_BODY = 'The request needs a JSON body (content-type: application/json).';

/** Fastify's validator compiler: ajv over the OpenAPI document, errors as 400s with a readable message. */
export const compileRequestValidator: FastifySchemaCompiler<JsonSchema> = ({ schema, httpPart = 'body' }) => {
  const validate = validatorAjv().compile(schema);
  const decode = httpPart === 'querystring' || httpPart === 'params' ? wireDecoder(schema) : undefined;
  return (data: unknown) => {
    const value = decode ? decode(data) : data;
    if (validate(value)) return { value };
    return { error: new Error(describeRequestError(httpPart, violationToDescribe(validate.errors))) };
  };
};
