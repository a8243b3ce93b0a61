// Cartesia's operations as data: method, path template, request body and
// response validation. A new endpoint is one more entry here and one method
// on the client.
import type { ValidateFunction } from 'ajv';
import { describeViolations, upstreamContract, type UpstreamContract } from './contract';
import { CartesiaContractError, CartesiaHttpError } from './errors';
import type { HttpMethod } from './transport/transport';
import type { PhoneNumberListPage, PhoneNumberListQuery, PhoneNumberRecord } from './types';

/** What an attempt needs to know of its operation. */
export interface Endpoint {
  /** Method and path template, e.g. `GET /agents/phone-numbers/{id}`: names spans, metrics and errors. */
  readonly name: string;
  /** Also decides whether a failure may be retried. */
  readonly method: HttpMethod;
}

export interface Operation<Input, Output> extends Endpoint {
  /** The path below the base URL, query string included. */
  readonly path: (input: Input) => string;
  /** The JSON body to send, checked before anything is sent; absent for bodiless methods. */
  readonly requestBody?: (input: Input) => unknown;
  /** The answer's body (undefined for 404 or no content) as the output, or a CartesiaError. */
  readonly decode: (body: unknown) => Output;
}

type Pick<T> = (contract: UpstreamContract) => ValidateFunction<T>;

/** Checks `body` against a validator of the compiled contract (compiled on first use). */
function conforming<T>(operation: string, pick: Pick<T>, body: unknown): T {
  const validate = pick(upstreamContract());
  if (!validate(body)) throw new CartesiaContractError(operation, describeViolations(validate.errors));
  return body;
}

/** A resource that must exist: 404 is an error. */
function required<T>(operation: string, pick: Pick<T>) {
  return (body: unknown): T => {
    if (body === undefined) throw new CartesiaHttpError(operation, 404);
    return conforming(operation, pick, body);
  };
}

/** A resource that may be absent: 404 is null. */
function nullWhenMissing<T>(operation: string, pick: Pick<T>) {
  return (body: unknown): T | null => (body === undefined ? null : conforming(operation, pick, body));
}

/** The query string in one canonical form (sorted keys), so equal queries are equal strings. */
export function canonicalQueryString(query: PhoneNumberListQuery): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(query).sort()) {
    const value = query[key as keyof PhoneNumberListQuery];
    if (value !== undefined && value !== null) params.append(key, String(value));
  }
  return params.toString();
}

function withQuery(path: string, query: PhoneNumberListQuery): string {
  const search = canonicalQueryString(query);
  return search ? `${path}?${search}` : path;
}

const LIST = 'GET /agents/phone-numbers';
const GET = 'GET /agents/phone-numbers/{id}';

export const listPhoneNumbers: Operation<PhoneNumberListQuery, PhoneNumberListPage> = {
  name: LIST,
  method: 'GET',
  path: (query) => withQuery('/agents/phone-numbers', query),
  decode: required(LIST, (contract) => contract.isPhoneNumberListPage),
};

export const getPhoneNumber: Operation<string, PhoneNumberRecord | null> = {
  name: GET,
  method: 'GET',
  path: (id) => `/agents/phone-numbers/${encodeURIComponent(id)}`,
  decode: nullWhenMissing(GET, (contract) => contract.isPhoneNumber),
};
