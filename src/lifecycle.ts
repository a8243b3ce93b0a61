import type { EventEmitter } from 'node:events';

/** The parts of `process` the shutdown logic uses (an EventEmitter in tests). */
export interface ProcessLike extends Pick<EventEmitter, 'on' | 'once'> {
  exit(code: number): void;
}

export interface ShutdownOptions {
  readonly process: ProcessLike;
  readonly log: {
    info(fields: object, message: string): void;
    fatal(fields: object, message: string): void;
  };
  /** Drains and closes everything; `drained: false` when the grace period ran out. */
  readonly close: () => Promise<{ drained: boolean }>;
}

/**
 * SIGTERM/SIGINT drain the gateway and exit 0 (1 if the grace period ran
 * out). An unhandled rejection or uncaught exception is logged and also
 * drains and exits (with 1): a process in an unknown state is not left
 * half-alive to serve traffic, and the orchestrator restarts it.
 */
export function installShutdown({ process, log, close }: ShutdownOptions): void {
  let stopping: Promise<void> | undefined;
  let failed = false;
  const stop = (reason: string) => {
    stopping ??= (async () => {
      log.info({ reason }, 'shutting down: unready, draining in-flight operations');
      let drained = false;
      try {
        ({ drained } = await close());
      } catch (error) {
        log.fatal({ err: error }, 'shutdown failed');
      }
      process.exit(drained && !failed ? 0 : 1);
    })();
    return stopping;
  };
  const crash = (kind: string) => (error: unknown) => {
    failed = true;
    log.fatal({ err: error }, `${kind}; shutting down`);
    void stop(kind);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  process.on('unhandledRejection', crash('unhandled promise rejection'));
  process.on('uncaughtException', crash('uncaught exception'));
}
