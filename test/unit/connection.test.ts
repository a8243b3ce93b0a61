import type { PhoneNumberListPage, PhoneNumberRecord } from '../../src/cartesia/types';
import { UserInputError } from '../../src/graphql/errors';
import { toConnection, toUpstreamFilter, toUpstreamPageRequest } from '../../src/graphql/relay/connection';
import { encodeCursor } from '../../src/graphql/relay/cursor';

const record = (id: string): PhoneNumberRecord => ({
  id,
  label: null,
  number: '+14155550100',
  agent: null,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  provider: { type: 'cartesia' },
});
const page = (ids: string[], hasMore: boolean): PhoneNumberListPage => ({ data: ids.map(record), has_more: hasMore });

describe('toUpstreamFilter', () => {
  it('maps every filter field to its upstream name', () => {
    expect(toUpstreamFilter({ agentId: 'agent_1', providerId: 'tp_1', type: 'twilio', search: 'Sales' })).toEqual({
      agent_id: 'agent_1',
      provider_id: 'tp_1',
      type: 'twilio',
      q: 'Sales',
    });
  });

  it('omits absent, null and blank values', () => {
    expect(toUpstreamFilter(undefined)).toEqual({});
    expect(toUpstreamFilter({ agentId: null, providerId: '', search: '   ', type: null })).toEqual({});
  });

  it('rejects an over-long search', () => {
    expect(() => toUpstreamFilter({ search: 'x'.repeat(257) })).toThrow(/at most 256/);
  });
});

describe('toUpstreamPageRequest', () => {
  it('defaults to the first 10, forward', () => {
    expect(toUpstreamPageRequest({})).toEqual({ direction: 'forward', fromCursor: false, query: { limit: 10 } });
  });

  it('maps first/after to limit/starting_after', () => {
    expect(toUpstreamPageRequest({ first: 25, after: encodeCursor('pn_x') })).toEqual({
      direction: 'forward',
      fromCursor: true,
      query: { limit: 25, starting_after: 'pn_x' },
    });
  });

  it('maps last/before to limit/ending_before', () => {
    expect(toUpstreamPageRequest({ last: 5, before: encodeCursor('pn_y'), filter: { type: 'cartesia' } })).toEqual({
      direction: 'backward',
      fromCursor: true,
      query: { type: 'cartesia', limit: 5, ending_before: 'pn_y' },
    });
  });

  it.each([
    [{ first: 1, last: 1 }, /either "first".*or "last"/],
    [{ after: encodeCursor('a'), before: encodeCursor('b') }, /either "after".*or "before"/],
    [{ last: 3 }, /"last" needs "before"/],
    [{ first: 3, before: encodeCursor('b') }, /use it with "last"/],
    [{ first: 0 }, /"first" must be between 1 and 100; got 0/],
    [{ first: -1 }, /"first" must be between 1 and 100/],
    [{ first: 101 }, /"first" must be between 1 and 100; got 101/],
    [{ last: 101, before: encodeCursor('b') }, /"last" must be between 1 and 100/],
    [{ after: 'garbage!' }, /"after" is not a valid cursor/],
  ])('rejects %p', (args, message) => {
    expect(() => toUpstreamPageRequest(args)).toThrow(UserInputError);
    expect(() => toUpstreamPageRequest(args)).toThrow(message);
  });
});

describe('toConnection', () => {
  it('forward: hasNextPage from has_more, hasPreviousPage from after', () => {
    const connection = toConnection(page(['a', 'b'], true), { direction: 'forward', fromCursor: false, query: {} });
    expect(connection).toEqual({
      edges: [
        { cursor: encodeCursor('a'), node: record('a') },
        { cursor: encodeCursor('b'), node: record('b') },
      ],
      nodes: [record('a'), record('b')],
      pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: encodeCursor('a'), endCursor: encodeCursor('b') },
    });
    const second = toConnection(page(['c'], false), { direction: 'forward', fromCursor: true, query: {} });
    expect(second.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: encodeCursor('c'),
      endCursor: encodeCursor('c'),
    });
  });

  it('backward: hasPreviousPage from has_more, hasNextPage true, edges in list order', () => {
    const connection = toConnection(page(['x', 'y'], false), { direction: 'backward', fromCursor: true, query: {} });
    expect(connection.edges.map((edge) => edge.node.id)).toEqual(['x', 'y']);
    expect(connection.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: encodeCursor('x'),
      endCursor: encodeCursor('y'),
    });
  });

  it('an empty page has null cursors', () => {
    expect(toConnection(page([], false), { direction: 'forward', fromCursor: false, query: {} }).pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });
});
