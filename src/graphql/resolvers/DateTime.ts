import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

// RFC 3339 date-time, as the upstream sends it (validated at the boundary).
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function parseDateTime(value: unknown): string {
  if (typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) return value;
  throw new GraphQLError('DateTime must be an ISO-8601 timestamp such as 2026-03-01T00:00:00Z.', {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

export const DateTime = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An ISO-8601 timestamp in UTC, e.g. 2026-03-01T00:00:00Z.',
  serialize: (value) => {
    if (typeof value === 'string') return value;
    throw new Error('DateTime values come from the upstream as strings');
  },
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});
