import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

// graphql-jit compiles each operation once into plain JavaScript and runs
// that instead of graphql-js's generic interpreter: a page of ten numbers
// executes about three times faster, with the same result. Apollo Server
// lets another executor in only through its gateway interface, so this is a
// "gateway" over one fixed, local schema: Apollo still parses, validates
// (with its document cache), formats errors and runs every plugin; only
// execution changes.
//
// Errors must stay exactly graphql-js's (codes, messages, locations, HTTP 400
// for bad variables), and graphql-jit builds its own. So an operation whose
// jit result has errors is executed again by graphql-js. That costs no extra
// upstream call: resolvers only read through the request's DataLoaders,
// which keep every answer and every failure for the rest of the request.
// (A resolver with side effects would break this; there are none.)

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

/** An Apollo "gateway" that executes operations against `schema` with graphql-jit. */
export function jitExecutionGateway(schema: GraphQLSchema): GatewayInterface {
  const compile = compiledOperations(schema);
  const executor: GatewayExecutor = async ({ document, request, context }) => {
    const compiled = compile(document, request.operationName);
    if (isCompiledQuery(compiled)) {
      const result = await compiled.query(undefined, context, request.variables ?? {});
      if (!result.errors?.length) return result;
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
