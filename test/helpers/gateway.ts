import { loadConfig } from '../../src/config';
import { startDemoUpstream, type DemoUpstream, type DemoUpstreamOptions } from '../../src/demo-upstream';
import { createGateway, type Gateway } from '../../src/gateway';
import { AUDIT_DIR_ENV, LogCapture, auditRecord } from './logs';

export const TEST_API_KEY = 'sk_car_test_0123456789abcdef';

export interface GraphQLResponse<TData = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: {
    data?: TData | null;
    errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }>;
  };
  /** The raw response text, for leak checks. */
  text: string;
}

/** A running gateway in front of a running test upstream, both on loopback ephemeral ports. */
export interface TestStack {
  upstream: DemoUpstream;
  gateway: Gateway;
  url: string;
  /** Every log line the gateway wrote (debug level during a jest run, for the leak audit). */
  logs: LogCapture;
  /** POSTs an operation to /graphql. */
  query<TData = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<TData>>;
  /** Like query, but fails the test when the answer has errors (no test passes with partial errors). */
  data<TData = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<TData>;
  close(): Promise<void>;
}

export interface TestStackOptions {
  env?: Record<string, string>;
  /** Point the gateway somewhere else than the test upstream (e.g. a closed port). */
  baseUrl?: string;
  apiKey?: string;
  /** Options of the demo upstream (its key is the test key). */
  upstream?: Omit<DemoUpstreamOptions, 'apiKey'>;
}

export async function postGraphQL<TData>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<TData>> {
  return postGraphQLBody<TData>(url, { query, variables }, headers);
}

async function toGraphQLResponse<TData>(response: Response): Promise<GraphQLResponse<TData>> {
  const text = await response.text();
  auditRecord('responses', text);
  return { status: response.status, headers: response.headers, body: JSON.parse(text), text };
}

/** POSTs any JSON body to /graphql (e.g. APQ `extensions` or a trusted `documentId` instead of `query`). */
export async function postGraphQLBody<TData>(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<TData>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return toGraphQLResponse<TData>(response);
}

/**
 * GETs /graphql as a non-browser client would (with Apollo's CSRF-prevention
 * header); non-string params (variables, extensions) are sent as JSON.
 */
export async function getGraphQL<TData>(
  url: string,
  params: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<TData>> {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) search.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const response = await fetch(`${url}/graphql?${search}`, { headers: { 'apollo-require-preflight': 'true', ...headers } });
  return toGraphQLResponse<TData>(response);
}

export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const upstream = await startDemoUpstream({ ...options.upstream, apiKey: TEST_API_KEY });
  let gateway: Gateway;
  let logs: LogCapture;
  let url: string;
  try {
    const config = loadConfig({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      // Debug during a jest run: the leak audit greps every line for secrets.
      LOG_LEVEL: process.env[AUDIT_DIR_ENV] ? 'debug' : 'silent',
      // A key file replaces the key variable (config refuses both).
      CARTESIA_API_KEY: options.env?.CARTESIA_API_KEY_FILE ? undefined : (options.apiKey ?? TEST_API_KEY),
      CARTESIA_BASE_URL: options.baseUrl ?? upstream.url,
      // Suites share 127.0.0.1; the rate-limit suite turns the limit on for itself.
      RATE_LIMIT_MAX: '0',
      // Behaviour suites run graphql-jit from a document's first run (POSTed
      // queries); jit-execution.test.ts checks the default and the routing.
      GRAPHQL_JIT_AFTER_RUNS: '0',
      ...options.env,
    });
    logs = new LogCapture();
    gateway = await createGateway(config, { logDestination: logs });
    url = await gateway.listen();
  } catch (error) {
    // A stack that fails to start must not leave its upstream running (jest would hang).
    await upstream.close();
    throw error;
  }
  const query = async <TData>(q: string, variables?: Record<string, unknown>) => {
    const response = await postGraphQL<TData>(url, q, variables);
    // Every response of every integration test is checked for the key.
    if (response.text.includes(TEST_API_KEY)) throw new Error(`response leaks the API key: ${response.text}`);
    return response;
  };
  return {
    upstream,
    gateway,
    url,
    logs,
    query,
    async data<TData>(q: string, variables?: Record<string, unknown>) {
      const response = await query<TData>(q, variables);
      if (response.body.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(response.body.errors)}`);
      if (!response.body.data) throw new Error(`no data: ${response.text}`);
      return response.body.data;
    },
    async close() {
      await gateway.close();
      await upstream.close();
    },
  };
}
