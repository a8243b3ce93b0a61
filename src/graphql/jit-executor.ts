import type { GatewayExecutor, GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  GraphQLError,
  execute,
  printSchema,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { GatewayMetrics } from '../observability/metrics';

// Every operation is executed exactly once, by one of two engines.
// graphql-jit compiles a query document into plain JavaScript and runs that
// instead of graphql-js's generic interpreter: a page of ten numbers costs
// about a third less CPU per request in the production process (BENCHMARKS.md).
// Apollo Server lets another executor in only through its gateway interface,
// so this is a "gateway" over one fixed, local schema: Apollo still parses,
// validates (with its document cache), formats errors and runs every plugin;
// only execution changes.
//
// graphql-js executes (the `reason` of the executions metric):
// - `first_runs`: a document's first GRAPHQL_JIT_AFTER_RUNS runs. Compiling
//   costs more than validating, so a stream of one-off documents never pays
//   for it (as Mercurius's `jit` option);
// - `get`: Apollo's cache-control plugin computes a GET's Cache-Control from
//   per-field hooks that only graphql-js runs (http-cache-headers.ts);
// - `not_query`: mutations (and anything else that is not a query), whose
//   root fields have effects and run one after another: one engine, the
//   reference one;
// - `not_compilable`: documents graphql-jit cannot compile.
// A compiled query's result is the answer, errors included: nothing runs
// twice. Its errors reach formatError like graphql-js's (same codes, paths
// and masking), which the jit tests and the property tests compare.

/** What runs an operation: its compiled form, or graphql-js and why. */
type Plan = { compiled: CompiledQuery } | { reason: 'first_runs' | 'not_compilable' };

/**
 * Compiles each (document, operation name) once it has run `afterRuns` times;
 * documents come from Apollo's document cache, so the map frees with it.
 */
function compiledOperations(schema: GraphQLSchema, afterRuns: number) {
  const byDocument = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult | number>>();
  return (document: DocumentNode, operationName: string | undefined): Plan => {
    let byName = byDocument.get(document);
    if (!byName) byDocument.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let known = byName.get(key) ?? 0;
    if (typeof known === 'number') {
      if (known < afterRuns) {
        byName.set(key, known + 1);
        return { reason: 'first_runs' };
      }
      byName.set(key, (known = compileQuery(schema, document, operationName)));
    }
    return isCompiledQuery(known) ? { compiled: known } : { reason: 'not_compilable' };
  };
}

/**
 * graphql-jit's errors pass `instanceof GraphQLError` but are not graphql-js's
 * (no `extensions` object, read-only fields), which Apollo's error pipeline
 * relies on: each becomes the GraphQLError graphql-js would have raised.
 */
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  const copy = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
  // Locations come from AST nodes, which jit's errors no longer hold: keep its own.
  Object.defineProperty(copy, 'locations', { value: error.locations, enumerable: Boolean(error.locations?.length) });
  return copy;
}

async function runCompiled(compiled: CompiledQuery, context: unknown, variables: Record<string, unknown>) {
  const result = await compiled.query(undefined, context, variables);
  return result.errors?.length ? { ...result, errors: result.errors.map(asGraphqlJsError) } : result;
}

/** An Apollo "gateway" that executes each operation once against `schema`: graphql-jit for repeated POSTed queries. */
export function jitExecutionGateway(
  schema: GraphQLSchema,
  options: { afterRuns: number; metrics: Pick<GatewayMetrics, 'execution'> },
): GatewayInterface {
  const plan = compiledOperations(schema, options.afterRuns);
  const { metrics } = options;
  const withGraphqlJs = (reason: string, { document, request, context }: GatewayGraphQLRequestContext) => {
    metrics.execution('graphql-js', reason);
    return execute({
      schema,
      document,
      contextValue: context,
      variableValues: request.variables,
      operationName: request.operationName,
    });
  };
  const executor: GatewayExecutor = async (requestContext) => {
    const { document, request, context, operation } = requestContext;
    if (operation.operation !== 'query') return withGraphqlJs('not_query', requestContext);
    if (request.http?.method === 'GET') return withGraphqlJs('get', requestContext);
    const chosen = plan(document, request.operationName);
    if ('reason' in chosen) return withGraphqlJs(chosen.reason, requestContext);
    metrics.execution('jit');
    return runCompiled(chosen.compiled, context, request.variables ?? {});
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    load: async () => ({ executor }),
    stop: async () => undefined,
  };
}
