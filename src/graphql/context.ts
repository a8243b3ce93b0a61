import type { PhoneNumberLoaders } from '../loaders/phone-numbers';

/** What every resolver gets: per-request loaders over the upstream, nothing else. */
export interface GatewayContext {
  readonly loaders: PhoneNumberLoaders;
}
