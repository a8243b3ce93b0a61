import {
  CartesiaCircuitOpenError,
  CartesiaHttpError,
  CartesiaNetworkError,
  CartesiaTimeoutError,
} from '../../src/cartesia/errors';
import { UpstreamResilience } from '../../src/cartesia/resilience';
import { pollUntil } from '../helpers/wait';

const OP = 'GET /x';

function resilience(
  overrides: {
    retries?: number;
    threshold?: number;
    cooldownMs?: number;
    onStateChange?: (state: string) => void;
  } = {},
) {
  return new UpstreamResilience({
    attemptTimeoutMs: 5_000,
    retry: { retries: overrides.retries ?? 0, baseDelayMs: 1, maxDelayMs: 2, retryAfterMaxMs: 1_000 },
    breaker: {
      threshold: overrides.threshold ?? 100,
      cooldownMs: overrides.cooldownMs ?? 10_000,
      onStateChange: overrides.onStateChange,
    },
  });
}

/** An attempt function failing with `errors` in turn, then answering 'ok'. */
function failingWith(...errors: Error[]) {
  return jest.fn(async ({ number }: { number: number }) => {
    const error = errors[number];
    if (error) throw error;
    return 'ok';
  });
}

describe('UpstreamResilience', () => {
  it('retries what is retryable, and hands each attempt the time left', async () => {
    const budgets: number[] = [];
    const result = await resilience({ retries: 2 }).execute(
      OP,
      { deadlineAt: Date.now() + 1_000 },
      async ({ number, timeoutMs }) => {
        budgets.push(timeoutMs);
        if (number < 2) throw new CartesiaHttpError(OP, 503);
        return 'ok';
      },
    );
    expect(result).toBe('ok');
    expect(budgets).toHaveLength(3);
    for (const budget of budgets) expect(budget).toBeLessThanOrEqual(1_000);
  });

  it('starts no attempt once the deadline has passed', async () => {
    const attempt = jest.fn(async () => 'never');
    await expect(resilience().execute(OP, { deadlineAt: Date.now() - 1 }, attempt)).rejects.toBeInstanceOf(
      CartesiaTimeoutError,
    );
    expect(attempt).not.toHaveBeenCalled();
  });

  it('does not wait for a half-open trial call past the caller deadline', async () => {
    const policy = resilience({ threshold: 1, cooldownMs: 200 });
    await expect(
      policy.execute(OP, {}, async () => {
        throw new CartesiaNetworkError(OP);
      }),
    ).rejects.toBeInstanceOf(CartesiaNetworkError);
    await expect(policy.execute(OP, {}, async () => 'x')).rejects.toBeInstanceOf(CartesiaCircuitOpenError);

    const openedAt = Date.now();
    await pollUntil(() => Date.now() - openedAt > 250, 'the cool-down to pass');

    // One trial call goes through and hangs; another caller must not hang with it.
    let release: (value: string) => void = () => undefined;
    const trial = policy.execute(OP, {}, () => new Promise<string>((resolve) => (release = resolve)));
    const waiter = policy.execute(OP, { deadlineAt: Date.now() + 50 }, async () => 'after the trial');
    await expect(waiter).rejects.toMatchObject({
      name: 'CartesiaTimeoutError',
      message: `${OP}: request deadline passed`,
    });
    release('trial');
    await expect(trial).resolves.toBe('trial');
    await expect(policy.execute(OP, {}, async () => 'closed again')).resolves.toBe('closed again');
  });

  it('retries a non-idempotent call (POST) only when its failed attempt provably never reached Cartesia', async () => {
    const refused = failingWith(new CartesiaNetworkError(OP, { mayHaveReachedUpstream: false }));
    await expect(resilience({ retries: 2 }).execute(OP, { idempotent: false }, refused)).resolves.toBe('ok');
    expect(refused).toHaveBeenCalledTimes(2);

    const reset = failingWith(new CartesiaNetworkError(OP, { mayHaveReachedUpstream: true }));
    await expect(resilience({ retries: 2 }).execute(OP, { idempotent: false }, reset)).rejects.toBeInstanceOf(
      CartesiaNetworkError,
    );
    expect(reset).toHaveBeenCalledTimes(1);

    const sameForGet = failingWith(new CartesiaNetworkError(OP, { mayHaveReachedUpstream: true }));
    await expect(resilience({ retries: 2 }).execute(OP, { idempotent: true }, sameForGet)).resolves.toBe('ok');
    expect(sameForGet).toHaveBeenCalledTimes(2);
  });

  it('does not wait for a Retry-After that ends past the deadline', async () => {
    const attempt = failingWith(new CartesiaHttpError(OP, 503, 1));
    await expect(
      resilience({ retries: 2 }).execute(OP, { deadlineAt: Date.now() + 500 }, attempt),
    ).rejects.toMatchObject({
      status: 503,
    });
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('opens after `threshold` consecutive upstream failures only, and reports each state change', async () => {
    const states: string[] = [];
    const policy = resilience({ threshold: 2, cooldownMs: 60_000, onStateChange: (state) => states.push(state) });
    const fail = (error: Error) => policy.execute(OP, {}, async () => Promise.reject(error)).catch(() => undefined);
    await fail(new CartesiaHttpError(OP, 503));
    await fail(new CartesiaHttpError(OP, 404)); // says nothing about health: neither counts nor resets
    expect(policy.breaker.isOpen).toBe(false);
    await fail(new CartesiaTimeoutError(OP, 10));
    expect(policy.breaker.isOpen).toBe(true);
    expect(states).toEqual(['open']);
  });
});
