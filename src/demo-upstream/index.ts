// The demo upstream's public surface: a local, deterministic Cartesia stand-in.
export { startDemoUpstream } from './server';
export type { DemoUpstream, DemoUpstreamOptions } from './server';
export { CARTESIA_VERSION } from './auth';
export type { RecordedRequest } from './request-log';
export { FaultInjector } from './faults';
export type { Fault, FaultKind, FaultRule, FaultTarget } from './faults';
export {
  DEMO_API_KEY,
  IMPORTABLE_NUMBERS_PER_PROVIDER,
  MAX_SEED_COUNT,
  compareListOrder,
  seedCatalog,
  seedPhoneNumbers,
} from './data';
export type { DemoCatalog } from './data';
export { DEFAULT_PROVISIONING } from './account';
export type { ProvisioningAllowance } from './account';
