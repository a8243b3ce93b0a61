// The demo upstream's request schemas come from schema/cartesia-openapi.yaml,
// not from hand-written copies: these tests read the file and check that what
// it declares (and only that) passes, including request bodies of the write
// operations the upstream will serve next.
import type { FastifySchema } from 'fastify';
import { loadOpenApiDocument } from '../../src/cartesia/openapi-document';
import { compileRequestValidator, openApiRoute, type OperationId } from '../../src/demo-upstream/validation';

type Part = 'querystring' | 'params' | 'headers' | 'body';
type Outcome = { value?: unknown; error?: Error };

function validator(operationId: OperationId, part: Part): (data: unknown) => Outcome {
  const schema = (openApiRoute(operationId).schema as FastifySchema)[part];
  if (schema === undefined) throw new Error(`${operationId} has no ${part} schema`);
  const validate = compileRequestValidator({
    schema: schema as Record<string, unknown>,
    httpPart: part,
    method: 'GET',
    url: '/',
  });
  return (data) => validate(data) as Outcome;
}

const errorOf = (outcome: Outcome): string | undefined => outcome.error?.message;

describe('OpenAPI-derived request validation', () => {
  const document = loadOpenApiDocument('omit') as { paths: Record<string, Record<string, { parameters?: unknown[] }>> };

  it('maps operations to Fastify routes: method, path template, parameters', () => {
    expect(openApiRoute('phone_numbers_list')).toMatchObject({ method: 'GET', url: '/agents/phone-numbers' });
    expect(openApiRoute('phone_numbers_get')).toMatchObject({ method: 'GET', url: '/agents/phone-numbers/:id' });
    expect(openApiRoute('phone_numbers_update')).toMatchObject({ method: 'PATCH', url: '/agents/phone-numbers/:id' });
  });

  it('accepts every query parameter the file declares for List, and nothing else', () => {
    const declared = (document.paths['/agents/phone-numbers']?.get?.parameters ?? []).flatMap((p) =>
      typeof p === 'object' && p !== null && (p as { in?: string }).in === 'query'
        ? [(p as { name: string }).name]
        : [],
    );
    expect(declared.sort()).toEqual([
      'agent_id',
      'ending_before',
      'limit',
      'provider_id',
      'q',
      'starting_after',
      'type',
    ]);
    const query = validator('phone_numbers_list', 'querystring');
    for (const name of declared) expect(errorOf(query({ [name]: name === 'type' ? 'twilio' : '5' }))).toBeUndefined();
    expect(errorOf(query({ page: '2' }))).toBe('Unknown query parameter "page".');
  });

  it('decodes canonical integers only, and applies the 1..100 range the file states in prose', () => {
    const query = validator('phone_numbers_list', 'querystring');
    expect(query({ limit: '42', q: '7' }).value).toEqual({ limit: 42, q: '7' });
    expect(errorOf(query({ limit: '101' }))).toMatch(/"limit" must be <= 100/);
    expect(errorOf(query({ limit: '05' }))).toMatch(/"limit" must be integer/);
  });

  it('requires the Cartesia-Version header from the enum, and lets other headers through', () => {
    const headers = validator('phone_numbers_get', 'headers');
    expect(errorOf(headers({ 'cartesia-version': '2026-03-01', 'x-other': 'y' }))).toBeUndefined();
    expect(errorOf(headers({}))).toBe('The header "cartesia-version" is required.');
    expect(errorOf(headers({ 'cartesia-version': '2025-01-01' }))).toMatch(/allowed values: 2026-03-01/);
  });

  it('derives request bodies from requestBody, $refs included (Update, Provision, Import)', () => {
    const update = validator('phone_numbers_update', 'body');
    expect(errorOf(update({ label: 'Front desk', agent_id: null }))).toBeUndefined();
    expect(errorOf(update({ nickname: 'x' }))).toBe('Unknown body property "nickname".');
    expect(errorOf(update({ provider: { id: 1 } }))).toMatch(/"provider\/id" must be string/);
    expect(errorOf(update(null))).toMatch(/must be object/);
    expect(errorOf(validator('phone_numbers_provision', 'body')({}))).toBe('The body property "label" is required.');
    const imported = validator('phone_numbers_import', 'body');
    const twilio = { type: 'twilio', account_sid: 'AC1', region: 'ie1' };
    expect(errorOf(imported({ label: 'a', number: '+3531', provider: twilio }))).toBeUndefined();
    expect(errorOf(imported({ label: 'a', number: '+3531', provider: { ...twilio, region: 'eu9' } }))).toBeDefined();
  });

  it('has no query parameters for Get: any is unknown', () => {
    expect(errorOf(validator('phone_numbers_get', 'querystring')({ limit: '1' }))).toBe(
      'Unknown query parameter "limit".',
    );
  });
});
