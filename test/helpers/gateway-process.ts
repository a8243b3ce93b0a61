import path from 'node:path';
import { startProcess, type RunningProcess } from './process';

const ROOT = path.resolve(__dirname, '../..');

/** A gateway as its own process (`src/main.ts` through tsx, no build step), on a loopback ephemeral port. */
export interface GatewayProcess extends RunningProcess {
  /** Base URL, from the "gateway listening" log line. */
  url: string;
}

export async function startGatewayProcess(
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<GatewayProcess> {
  const running = startProcess(process.execPath, [...nodeArgs, '--require', 'tsx/cjs', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, HOST: '127.0.0.1', PORT: '0', ...env },
  });
  try {
    const line = await running.waitForLine(/gateway listening/, 60_000);
    const url = (JSON.parse(line) as { graphql: string }).graphql.replace(/\/graphql$/, '');
    return Object.assign(running, { url });
  } catch (error) {
    running.kill();
    throw error;
  }
}
