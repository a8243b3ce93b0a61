import {
  CartesiaCircuitOpenError,
  CartesiaHttpError,
  CartesiaNetworkError,
  CartesiaTimeoutError,
} from '../../src/cartesia/errors';
import { UpstreamResilience } from '../../src/cartesia/resilience';
import { pollUntil } from '../helpers/wait';

const OP = 'GET /x';

function resilience(overrides: { retries?: number; threshold?: number; cooldownMs?: number } = {}) {
  return new UpstreamResilience({
    attemptTimeoutMs: 5_000,
    retry: { retries: overrides.retries ?? 0, baseDelayMs: 1, maxDelayMs: 2, retryAfterMaxMs: 1_000 },
    breaker: { threshold: overrides.threshold ?? 100, cooldownMs: overrides.cooldownMs ?? 10_000 },
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
});
