import type { PhoneNumberLoaders } from '../loaders/phone-numbers';

/** What every resolver gets: per-request loaders over the upstream, and the request's id. */
export interface GatewayContext {
  readonly loaders: PhoneNumberLoaders;
  /** From the caller's X-Request-Id or generated; in logs, errors and upstream calls. */
  readonly requestId: string;
}
