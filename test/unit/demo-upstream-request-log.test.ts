// The request log must stay bounded however long demo mode runs, while tests
// still read the latest requests in arrival order.
import { RequestLog, type RecordedRequest } from '../../src/demo-upstream/request-log';

const request = (n: number): RecordedRequest => ({ method: 'GET', path: `/r/${n}`, query: {}, headers: {} });
const paths = (log: RequestLog): string[] => log.entries.map((entry) => entry.path);

describe('RequestLog', () => {
  it('keeps every request, in order, while under capacity', () => {
    const log = new RequestLog(5);
    [1, 2, 3].forEach((n) => log.record(request(n)));
    expect(paths(log)).toEqual(['/r/1', '/r/2', '/r/3']);
  });

  it('stays bounded: only the newest `capacity` requests are kept, oldest first', () => {
    const log = new RequestLog(3);
    for (let n = 1; n <= 10_000; n += 1) log.record(request(n));
    expect(paths(log)).toEqual(['/r/9998', '/r/9999', '/r/10000']);
    expect(log.total).toBe(10_000);
  });

  it('clear() empties the log, keeps counting, and recording resumes in order', () => {
    const log = new RequestLog(2);
    [1, 2, 3].forEach((n) => log.record(request(n)));
    log.clear();
    expect(log.entries).toEqual([]);
    log.record(request(4));
    expect(paths(log)).toEqual(['/r/4']);
    expect(log.total).toBe(4);
  });

  it('hands out a fresh view after each change', () => {
    const log = new RequestLog(2);
    log.record(request(1));
    const before = log.entries;
    log.record(request(2));
    expect(before.map((entry) => entry.path)).toEqual(['/r/1']);
    expect(paths(log)).toEqual(['/r/1', '/r/2']);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses capacity %p', (capacity) => {
    expect(() => new RequestLog(capacity)).toThrow(RangeError);
  });
});
