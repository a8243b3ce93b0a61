import { startTestStack } from '../helpers/gateway';
import { PHONE_NUMBERS } from '../helpers/queries';
import { pollUntil } from '../helpers/wait';

describe('shutdown grace period', () => {
  it('cuts what is still running when SHUTDOWN_GRACE_MS is over, and says it did not drain', async () => {
    const stack = await startTestStack({
      env: { SHUTDOWN_GRACE_MS: '200', UPSTREAM_TIMEOUT_MS: '30000', REQUEST_DEADLINE_MS: '30000' },
    });
    try {
      stack.upstream.faults.inject({ fault: { kind: 'hang' } });
      const stuck = stack.query(PHONE_NUMBERS).then(
        () => 'answered',
        () => 'connection cut',
      );
      await pollUntil(() => stack.upstream.requests.length === 1, 'the hung upstream call');
      await expect(stack.gateway.close()).resolves.toEqual({ drained: false });
      expect(await stuck).toBe('connection cut');
      await stack.logs.waitFor((entry) => /grace period over/.test(String(entry.msg)));
    } finally {
      await stack.upstream.close();
    }
  });
});
