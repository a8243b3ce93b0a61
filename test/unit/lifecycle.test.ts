import { EventEmitter } from 'node:events';
import { installShutdown } from '../../src/lifecycle';

function fakeProcess() {
  const emitter = new EventEmitter() as EventEmitter & { exit: jest.Mock; exited: Promise<number> };
  emitter.exited = new Promise((resolve) => {
    emitter.exit = jest.fn((code: number) => resolve(code));
  });
  return emitter;
}

function setup(close: () => Promise<{ drained: boolean }>) {
  const proc = fakeProcess();
  const log = { info: jest.fn(), fatal: jest.fn() };
  installShutdown({ process: proc, log, close: jest.fn(close) });
  return { proc, log };
}

describe('installShutdown', () => {
  it('drains once on SIGTERM (a second signal does not start a second shutdown) and exits 0', async () => {
    const close = jest.fn(async () => ({ drained: true }));
    const proc = fakeProcess();
    installShutdown({ process: proc, log: { info: jest.fn(), fatal: jest.fn() }, close });
    proc.emit('SIGTERM');
    proc.emit('SIGINT');
    expect(await proc.exited).toBe(0);
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('exits 1 when the grace period ran out', async () => {
    const { proc } = setup(async () => ({ drained: false }));
    proc.emit('SIGINT');
    expect(await proc.exited).toBe(1);
  });

  it('logs an unhandled rejection, drains, and exits 1 instead of living on half-alive', async () => {
    const { proc, log } = setup(async () => ({ drained: true }));
    proc.emit('unhandledRejection', new Error('boom'));
    expect(await proc.exited).toBe(1);
    expect(log.fatal).toHaveBeenCalledWith({ err: expect.any(Error) }, 'unhandled promise rejection; shutting down');
  });

  it('exits 1 even when closing fails', async () => {
    const { proc, log } = setup(async () => {
      throw new Error('close failed');
    });
    proc.emit('uncaughtException', new Error('bad state'));
    expect(await proc.exited).toBe(1);
    expect(log.fatal).toHaveBeenCalledTimes(2);
  });
});
