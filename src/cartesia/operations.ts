// Cartesia's operations as data: method, path template, request body and
// response validation. A new endpoint is one more entry here and one method
// on the client.
import type { ValidateFunction } from 'ajv';
import { describeViolations, upstreamContract, type UpstreamContract } from './contract';
import { CartesiaContractError, CartesiaHttpError } from './errors';
import type { HttpMethod } from './transport/transport';
import type {
  AgentListRecord,
  ImportPhoneNumberBody,
  PhoneNumberListPage,
  PhoneNumberListQuery,
  PhoneNumberRecord,
  ProvisionPhoneNumberBody,
  ProvisioningUsageRecord,
  UpdatePhoneNumberBody,
} from './types';

/** What an attempt needs to know of its operation. */
export interface Endpoint {
  /** Method and path template, e.g. `GET /agents/phone-numbers/{id}`: names spans, metrics and errors. */
  readonly name: string;
  readonly method: HttpMethod;
  /**
   * Sending it twice has the effect of sending it once, so a failed attempt
   * may be sent again even when it may have reached Cartesia: GET, DELETE,
   * and a PATCH, which sets absolute values. A POST creates something.
   */
  readonly idempotent: boolean;
}

/** How long a GET's validated payload may be shared between callers. */
export type SharedFor = 'payload_ttl' | 'agents_ttl';

export interface Operation<Input, Output> extends Endpoint {
  /** The path below the base URL, query string included. */
  readonly path: (input: Input) => string;
  /** The JSON body to send, checked against the contract before anything is sent; absent for bodiless methods. */
  readonly requestBody?: (input: Input) => unknown;
  /** GETs: which TTL their payloads are kept for (the payload cache's by default). */
  readonly sharedFor?: SharedFor;
  /** The answer (body undefined for 404 or no content) as the output, or a CartesiaError. */
  readonly decode: (body: unknown, status: number) => Output;
}

type Pick<T> = (contract: UpstreamContract) => ValidateFunction<T>;

/** A request body that fits the contract, or a CartesiaContractError that says it was never sent. */
function checkedBody<T>(operation: string, pick: Pick<T>, body: T): T {
  const validate = pick(upstreamContract());
  if (validate(body)) return body;
  throw new CartesiaContractError(operation, `request body ${describeViolations(validate.errors)}`, {
    mayHaveReachedUpstream: false,
  });
}

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

/** A write's answer: a resource that must be there. */
function written<T>(operation: string, pick: Pick<T>) {
  return required(operation, pick);
}

const phoneNumberPath = (id: string) => `/agents/phone-numbers/${encodeURIComponent(id)}`;

const LIST = 'GET /agents/phone-numbers';
const GET = 'GET /agents/phone-numbers/{id}';
const IMPORT = 'POST /agents/phone-numbers';
const USAGE = 'GET /agents/phone-numbers/provision';
const PROVISION = 'POST /agents/phone-numbers/provision';
const UPDATE = 'PATCH /agents/phone-numbers/{id}';
const DELETE = 'DELETE /agents/phone-numbers/{id}';
const AGENTS = 'GET /agents';

export const listPhoneNumbers: Operation<PhoneNumberListQuery, PhoneNumberListPage> = {
  name: LIST,
  method: 'GET',
  idempotent: true,
  path: (query) => withQuery('/agents/phone-numbers', query),
  decode: required(LIST, (contract) => contract.isPhoneNumberListPage),
};

export const getPhoneNumber: Operation<string, PhoneNumberRecord | null> = {
  name: GET,
  method: 'GET',
  idempotent: true,
  path: phoneNumberPath,
  decode: nullWhenMissing(GET, (contract) => contract.isPhoneNumber),
};

export const importPhoneNumber: Operation<ImportPhoneNumberBody, PhoneNumberRecord> = {
  name: IMPORT,
  method: 'POST',
  idempotent: false,
  path: () => '/agents/phone-numbers',
  requestBody: (body) => checkedBody(IMPORT, (contract) => contract.isImportBody, body),
  decode: written(IMPORT, (contract) => contract.isPhoneNumber),
};

export const getProvisioningUsage: Operation<void, ProvisioningUsageRecord> = {
  name: USAGE,
  method: 'GET',
  idempotent: true,
  path: () => '/agents/phone-numbers/provision',
  decode: required(USAGE, (contract) => contract.isProvisioningUsage),
};

// Provision answers without the provider: a provisioned number is always
// Cartesia-managed (the OpenAPI file says so), so the record gets that one.
export const provisionPhoneNumber: Operation<ProvisionPhoneNumberBody, PhoneNumberRecord> = {
  name: PROVISION,
  method: 'POST',
  idempotent: false,
  path: () => '/agents/phone-numbers/provision',
  requestBody: (body) => checkedBody(PROVISION, (contract) => contract.isProvisionBody, body),
  decode: (body) => ({
    ...written(PROVISION, (contract) => contract.isProvisionedPhoneNumber)(body),
    provider: { type: 'cartesia' },
  }),
};

/** An update: the number's id and the fields to set (absolute values, so sending it twice is harmless). */
export interface PhoneNumberUpdate {
  readonly id: string;
  readonly body: UpdatePhoneNumberBody;
}

export const updatePhoneNumber: Operation<PhoneNumberUpdate, PhoneNumberRecord> = {
  name: UPDATE,
  method: 'PATCH',
  idempotent: true,
  path: ({ id }) => phoneNumberPath(id),
  requestBody: ({ body }) => checkedBody(UPDATE, (contract) => contract.isUpdateBody, body),
  decode: written(UPDATE, (contract) => contract.isPhoneNumber),
};

/** Whether the number was there to delete (404: it is not, or no longer). */
export const deletePhoneNumber: Operation<string, boolean> = {
  name: DELETE,
  method: 'DELETE',
  idempotent: true,
  path: phoneNumberPath,
  decode: (_body, status) => status !== 404,
};

export const listAgents: Operation<void, AgentListRecord> = {
  name: AGENTS,
  method: 'GET',
  idempotent: true,
  sharedFor: 'agents_ttl',
  path: () => '/agents',
  decode: required(AGENTS, (contract) => contract.isAgentList),
};
