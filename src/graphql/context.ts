import type { PhoneNumberLoaders } from '../loaders/phone-numbers';
import type { OperationTelemetry } from '../observability/operation';
import type { RequestStats } from '../request-stats';

/** What every resolver gets: per-request loaders over the upstream, and the request's id. */
export interface GatewayContext {
  readonly loaders: PhoneNumberLoaders;
  /** From the caller's X-Request-Id or generated; in logs, errors and upstream calls. */
  readonly requestId: string;
  /** The operation's span and start time (metrics, traces). */
  readonly telemetry: OperationTelemetry;
  /** For the request log line: operation name, upstream calls, outcome. */
  readonly stats: RequestStats;
}
