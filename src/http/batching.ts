import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ErrorCode } from '../error-codes';
import { EdgeError } from './edge-errors';

/**
 * Caps the operations in one batched request (when GRAPHQL_BATCHING is on;
 * off, Apollo refuses batches itself). Checked after the body is parsed and
 * before any operation runs.
 */
export function registerBatchLimit(
  app: FastifyInstance,
  maxBatchSize: number,
  isGraphQL: (request: FastifyRequest) => boolean,
): void {
  app.addHook('preValidation', async (request) => {
    if (!isGraphQL(request) || !Array.isArray(request.body)) return;
    if (request.body.length > maxBatchSize) {
      throw new EdgeError(
        413,
        ErrorCode.BATCH_TOO_LARGE,
        `The batch holds ${request.body.length} operations; at most ${maxBatchSize} are allowed.`,
        { limit: maxBatchSize },
      );
    }
  });
}
