import path from 'node:path';
import { startProcess, type RunningProcess } from './process';

const ROOT = path.resolve(__dirname, '../..');

/** A gateway running as its own process (`src/main.ts` through tsx, no build step), e.g. one replica of several. */
export interface GatewayProcess extends RunningProcess {
  /** Base URL, e.g. http://127.0.0.1:40123 (from the `gateway listening` log line). */
  readonly url: string;
  readonly metricsUrl: string;
  /** The JSON log lines written so far. */
  logLines(): Array<Record<string, unknown>>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | string>;
}

/** Starts `src/main.ts` on a loopback ephemeral port; resolves once it logs `gateway listening`. */
export async function startGatewayProcess(
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<GatewayProcess> {
  const running = startProcess(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
  });
  let listening: { graphql: string; metrics: string };
  try {
    listening = JSON.parse(await running.waitForLine(/"gateway listening"/, 60_000)) as {
      graphql: string;
      metrics: string;
    };
  } catch (error) {
    running.kill();
    throw error;
  }
  return Object.assign(running, {
    url: listening.graphql.replace(/\/graphql$/, ''),
    metricsUrl: listening.metrics,
    logLines: () =>
      running
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    async stop() {
      running.child.kill('SIGTERM');
      return running.exited;
    },
  });
}
