import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { loadOpenApiDocument, openApiFingerprint } from './openapi-document';
import type {
  AgentListRecord,
  ImportPhoneNumberBody,
  PhoneNumberListPage,
  PhoneNumberRecord,
  ProvisionedPhoneNumberRecord,
  ProvisionPhoneNumberBody,
  ProvisioningUsageRecord,
  UpdatePhoneNumberBody,
} from './types';

const DOCUMENT_ID = 'cartesia-openapi';

/** Validators compiled once from the OpenAPI file: the shape every upstream payload must have. */
export interface UpstreamContract {
  isPhoneNumber: ValidateFunction<PhoneNumberRecord>;
  isPhoneNumberListPage: ValidateFunction<PhoneNumberListPage>;
  isProvisionedPhoneNumber: ValidateFunction<ProvisionedPhoneNumberRecord>;
  isProvisioningUsage: ValidateFunction<ProvisioningUsageRecord>;
  isAgentList: ValidateFunction<AgentListRecord>;
  /** Request bodies: what the gateway sends is checked before it leaves. */
  isImportBody: ValidateFunction<ImportPhoneNumberBody>;
  isProvisionBody: ValidateFunction<ProvisionPhoneNumberBody>;
  isUpdateBody: ValidateFunction<UpdatePhoneNumberBody>;
}

function compileContract(): UpstreamContract {
  // OpenAPI 3.0 keywords ajv knows (nullable, discriminator) are switched on;
  // documentation-only ones (example, title…) are allowed by strict: false.
  const ajv = new Ajv({ strict: false, discriminator: true, allErrors: false });
  // Formats by shape (`fast`), not by calendar: the full date-time check was
  // half of the contract's cost and 14 KiB of garbage per page of ten
  // (bench/allocations.ts); a drifted payload still fails on its shape.
  addFormats(ajv, { mode: 'fast' });
  ajv.addSchema({ ...loadOpenApiDocument('omit'), $id: DOCUMENT_ID });
  const ref = (pointer: string) => ({ $ref: `${DOCUMENT_ID}#${pointer}` });
  const component = <T>(name: string) => ajv.compile<T>(ref(`/components/schemas/${name}`));
  return {
    isPhoneNumber: component<PhoneNumberRecord>('PhoneNumberResponse'),
    isPhoneNumberListPage: ajv.compile<PhoneNumberListPage>(
      ref('/paths/~1agents~1phone-numbers/get/responses/200/content/application~1json/schema'),
    ),
    isProvisionedPhoneNumber: component<ProvisionedPhoneNumberRecord>('ProvisionPhoneNumberResponse'),
    isProvisioningUsage: component<ProvisioningUsageRecord>('PhoneNumberProvisioningUsageResponse'),
    isAgentList: component<AgentListRecord>('GetAgentsResponse'),
    isImportBody: component<ImportPhoneNumberBody>('ImportPhoneNumberBody'),
    isProvisionBody: component<ProvisionPhoneNumberBody>('ProvisionPhoneNumberBody'),
    isUpdateBody: component<UpdatePhoneNumberBody>('UpdatePhoneNumberBody'),
  };
}

let contract: UpstreamContract | undefined;

/** The compiled contract (compiled on first use, then shared: it is immutable). */
export function upstreamContract(): UpstreamContract {
  contract ??= compileContract();
  return contract;
}

let fingerprint: string | undefined;

/**
 * The contract's version in cache keys: during a rolling deploy, gateways
 * built on another contract never read each other's entries.
 */
export function contractFingerprint(): string {
  fingerprint ??= openApiFingerprint();
  return fingerprint;
}

/** A short, safe summary of why a payload failed (paths and rules, never values). */
export function describeViolations(errors: ErrorObject[] | null | undefined): string {
  if (!errors?.length) return 'unknown violation';
  return errors
    .slice(0, 3)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`)
    .join('; ');
}
