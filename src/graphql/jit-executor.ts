import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

// graphql-jit compiles each operation once into plain JavaScript and runs that
// instead of graphql-js's generic interpreter: a page of ten numbers executes
// about three times faster and allocates far less, with the same result.
// Apollo Server lets another executor in only through its gateway interface,
// so this is a "gateway" over one fixed, local schema: Apollo still parses,
// validates (with its document cache), formats errors and runs every plugin;
// only execution changes.
//
// Two kinds of operation stay on graphql-js:
// - GETs: Apollo's cache-control plugin computes their Cache-Control from
//   per-field hooks that only graphql-js runs (http-cache-headers.ts);
// - operations whose jit result has errors, executed again: error codes,
//   messages, paths and locations must stay exactly graphql-js's. That costs no
//   extra upstream call: resolvers read only through the request's DataLoaders,
//   which keep every answer and every failure for the rest of the request
//   (a resolver with side effects would break this; there are none).

type Compiled = CompiledQuery | ExecutionResult;

/** Compiles each (document, operation name) once; documents come from Apollo's cache, so the map frees with it. */
function compiledOperations(schema: GraphQLSchema) {
  const byDocument = new WeakMap<DocumentNode, Map<string, Compiled>>();
  return (document: DocumentNode, operationName: string | undefined): Compiled => {
    let byName = byDocument.get(document);
    if (!byName) byDocument.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let compiled = byName.get(key);
    if (!compiled) byName.set(key, (compiled = compileQuery(schema, document, operationName)));
    return compiled;
  };
}

/** An Apollo "gateway" that executes operations against `schema`, with graphql-jit where it keeps behaviour. */
export function jitExecutionGateway(schema: GraphQLSchema): GatewayInterface {
  const compile = compiledOperations(schema);
  const executor: GatewayExecutor = async ({ document, request, context }) => {
    if (request.http?.method !== 'GET') {
      const compiled = compile(document, request.operationName);
      if (isCompiledQuery(compiled)) {
        const result = await compiled.query(undefined, context, request.variables ?? {});
        if (!result.errors?.length) return result;
      }
    }
    return execute({
      schema,
      document,
      contextValue: context,
      variableValues: request.variables,
      operationName: request.operationName,
    });
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
