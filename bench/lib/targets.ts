// The servers a case is measured on, and how each is asked for a case's requests.
import path from 'node:path';
import type { BenchCase } from './cases';
import { freePort, startHttpChild, type ServerProcess } from './children';
import type { LoadPlan } from './load';
import type { BenchOptions } from './options';
import { productionNodeFlags } from './production';
import type { TargetName } from './report';

export interface Target {
  readonly name: TargetName;
  readonly process: ServerProcess;
  readonly kind: 'graphql' | 'rest';
  /** How this target is asked for every variant of a case. */
  plan(benchCase: BenchCase): Pick<LoadPlan, 'url' | 'method' | 'headers' | 'requests'>;
}

/** The upstream itself or the pass-through: the case's upstream GETs, or its PATCHes with a fresh body each. */
export function restTarget(name: TargetName, process: ServerProcess, headers: Record<string, string>): Target {
  return {
    name,
    process,
    kind: 'rest',
    plan: ({ variants, write }) =>
      write
        ? {
            url: process.url,
            method: write.restMethod,
            headers: { ...headers, 'content-type': 'application/json' },
            requests: variants.map((variant) => ({
              path: variant.restPath,
              body: () => write.fresh(variant).restBody,
            })),
          }
        : {
            url: process.url,
            method: 'GET',
            headers,
            requests: variants.map((variant) => ({ path: variant.restPath })),
          },
  };
}

/** A gateway: the case's operation, POSTed as JSON with each variant's variables (made per request for writes). */
export function graphqlTarget(name: TargetName, process: ServerProcess): Target {
  return {
    name,
    process,
    kind: 'graphql',
    plan: ({ query, variants, write }) => ({
      url: process.url,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      requests: variants.map((variant) => ({
        path: '/graphql',
        body: write
          ? () => JSON.stringify({ query, variables: write.fresh(variant).variables })
          : JSON.stringify({ query, variables: variant.variables }),
      })),
    }),
  };
}

/** Starts a gateway as deployed (production flags and environment) in front of `upstreamUrl`; ready when /readyz is. */
export async function startGateway(
  options: BenchOptions,
  settings: {
    name: string;
    apiKey: string;
    upstreamUrl: string;
    logDir: string;
    env?: Record<string, string>;
    /** The checkout to run; options.gatewayRoot by default. */
    root?: string;
  },
): Promise<ServerProcess> {
  const port = await freePort();
  const root = settings.root ?? options.gatewayRoot;
  const entry =
    options.gateway === 'dist'
      ? [path.join(root, 'dist/main.js')]
      : ['--import', 'tsx', path.join(root, 'src/main.ts')];
  const profile = options.profileDir
    ? ['--cpu-prof', '--cpu-prof-dir', path.join(options.profileDir, settings.name)]
    : [];
  return startHttpChild({
    name: settings.name,
    nodeArgs: [...productionNodeFlags(root), ...options.gatewayNodeArgs, ...profile, ...entry],
    // A clean environment: only what a deployment would set, nothing inherited by accident.
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      CARTESIA_API_KEY: settings.apiKey,
      CARTESIA_BASE_URL: settings.upstreamUrl,
      // One load generator is one client: the per-client rate limit would answer 429s, not measure the gateway.
      RATE_LIMIT_MAX: '0',
      // No client auth in front of the measured path (a production start only warns).
      AUTH_MODE: 'none',
      // Production refuses mutations from anonymous clients; the write case needs them let through
      // (the permission check still runs on every mutation). Reads are unaffected.
      ALLOW_ANONYMOUS_WRITES: 'true',
      ...options.gatewayEnv,
      ...settings.env,
    },
    port,
    readyPath: '/readyz',
    logFile: path.join(settings.logDir, `${settings.name}.log`),
  });
}
