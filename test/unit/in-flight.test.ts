import { InFlight } from '../../src/cartesia/in-flight';

// A call the test finishes by hand, recording whether it was told to abort.
function controllable<T>() {
  let settle!: { resolve: (value: T) => void; reject: (error: Error) => void };
  let signal: AbortSignal | undefined;
  let starts = 0;
  const start = (controller: AbortController) => {
    starts += 1;
    signal = controller.signal;
    return new Promise<T>((resolve, reject) => {
      settle = { resolve, reject };
    });
  };
  return {
    start,
    settle: () => settle,
    starts: () => starts,
    sharedSignal: () => signal!,
  };
}

const aborted = () => new Error('caller aborted');

describe('InFlight', () => {
  it('starts one call per key and gives every concurrent caller its result', async () => {
    const inFlight = new InFlight();
    const call = controllable<string>();
    const callers = [1, 2, 3].map(() => inFlight.run('a', undefined, call.start, aborted));
    expect(call.starts()).toBe(1);
    call.settle().resolve('page');
    await expect(Promise.all(callers)).resolves.toEqual(['page', 'page', 'page']);
    expect(inFlight.size).toBe(0);
  });

  it('keeps different keys apart', async () => {
    const inFlight = new InFlight();
    const a = controllable<string>();
    const b = controllable<string>();
    const results = [inFlight.run('a', undefined, a.start, aborted), inFlight.run('b', undefined, b.start, aborted)];
    expect([a.starts(), b.starts(), inFlight.size]).toEqual([1, 1, 2]);
    a.settle().resolve('A');
    b.settle().resolve('B');
    await expect(Promise.all(results)).resolves.toEqual(['A', 'B']);
  });

  it('shares an error with the callers that overlapped, but the next caller starts afresh', async () => {
    const inFlight = new InFlight();
    const failing = controllable<string>();
    const callers = [1, 2].map(() => inFlight.run('a', undefined, failing.start, aborted));
    const boom = new Error('upstream 503');
    failing.settle().reject(boom);
    for (const caller of callers) await expect(caller).rejects.toBe(boom);
    const retry = controllable<string>();
    const next = inFlight.run('a', undefined, retry.start, aborted);
    expect(retry.starts()).toBe(1);
    retry.settle().resolve('fresh');
    await expect(next).resolves.toBe('fresh');
  });

  it('lets one caller leave on abort without aborting the call for the others', async () => {
    const inFlight = new InFlight();
    const call = controllable<string>();
    const leaving = new AbortController();
    const staying = new AbortController();
    const left = inFlight.run('a', leaving.signal, call.start, aborted);
    const stayed = inFlight.run('a', staying.signal, call.start, aborted);
    const outcome = Promise.allSettled([stayed]);
    leaving.abort();
    await expect(left).rejects.toThrow('caller aborted');
    expect(call.sharedSignal().aborted).toBe(false);
    call.settle().resolve('page');
    expect(await outcome).toEqual([{ status: 'fulfilled', value: 'page' }]);
  });

  it('aborts the call once every caller has left, and forgets it', async () => {
    const inFlight = new InFlight();
    const call = controllable<string>();
    const controllers = [new AbortController(), new AbortController()];
    const callers = controllers.map((c) => inFlight.run('a', c.signal, call.start, aborted));
    const outcomes = Promise.allSettled(callers);
    controllers[0]!.abort();
    const abortedAfterFirst = call.sharedSignal().aborted;
    controllers[1]!.abort();
    const abortedAfterBoth = call.sharedSignal().aborted;
    call.settle().reject(new Error('aborted upstream call'));
    expect([abortedAfterFirst, abortedAfterBoth]).toEqual([false, true]);
    for (const outcome of await outcomes) {
      expect(outcome.status).toBe('rejected');
      expect((outcome as PromiseRejectedResult).reason).toEqual(new Error('caller aborted'));
    }
    expect(inFlight.size).toBe(0);
  });

  it('does not start anything for a caller that has already aborted', async () => {
    const inFlight = new InFlight();
    const call = controllable<string>();
    await expect(inFlight.run('a', AbortSignal.abort(), call.start, aborted)).rejects.toThrow('caller aborted');
    expect(call.starts()).toBe(0);
  });
});
