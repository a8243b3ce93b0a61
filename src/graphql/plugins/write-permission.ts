import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../../error-codes';
import type { GatewayContext } from '../context';
import { GatewayError } from '../errors';

/**
 * Mutations need write permission (a write token, the JWT write scope, or
 * anonymous writes allowed): refused with FORBIDDEN once the operation is
 * known, before any resolver runs, so a refused write costs no upstream call.
 */
export function writePermission(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== 'mutation' || contextValue.principal.mayWrite) return;
          throw new GatewayError(
            ErrorCode.FORBIDDEN,
            'This client may read but not write: mutations need a write token or the phone_numbers:write scope.',
            403,
          );
        },
      };
    },
  };
}
