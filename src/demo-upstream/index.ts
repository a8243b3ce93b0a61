// The demo upstream's public surface: a local, deterministic Cartesia stand-in.
export { startDemoUpstream } from './server';
export type { DemoUpstream, DemoUpstreamOptions } from './server';
export { CARTESIA_VERSION } from './auth';
export type { RecordedRequest } from './request-log';
export { FaultInjector } from './faults';
export type { Fault, FaultRule, FaultTarget } from './faults';
export { DEMO_API_KEY, MAX_SEED_COUNT, compareListOrder, seedPhoneNumbers } from './data';
