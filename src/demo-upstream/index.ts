// The demo upstream's public surface: a local, deterministic Cartesia stand-in.
export { CARTESIA_VERSION, startDemoUpstream } from './server';
export type { DemoUpstream, DemoUpstreamOptions, RecordedRequest } from './server';
export { FaultInjector } from './faults';
export type { Fault, FaultRule, FaultTarget } from './faults';
export { DEMO_API_KEY, MAX_SEED_COUNT, compareListOrder, seedPhoneNumbers } from './data';
