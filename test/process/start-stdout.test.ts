import path from 'node:path';
import { startProcess, type RunningProcess } from '../helpers/process';

const ROOT = path.resolve(__dirname, '../..');

// `npm start` builds first (codegen + tsc), then runs the gateway. A log
// shipper reading its stdout must see JSON lines only: build messages go to
// stderr. (`--silent` hides npm's own "> start" banner lines, which npm
// always prints to stdout; the image runs node directly and has none.)
describe('npm start --silent', () => {
  let started: RunningProcess | undefined;
  afterAll(async () => {
    if (!started) return;
    // npm does not pass signals on: stop the whole process group.
    if (started.child.exitCode === null) process.kill(-started.child.pid!, 'SIGTERM');
    await started.exited;
  });

  it('writes nothing but JSON log lines to stdout, the demo-mode banner included', async () => {
    started = startProcess('npm', ['start', '--silent'], {
      cwd: ROOT,
      detached: true,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info' },
    });
    await started.waitForLine(/DEMO MODE/, 180_000);
    const lines = started
      .stdout()
      .split('\n')
      .filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(0);
    const notJson = lines.filter((line) => {
      try {
        JSON.parse(line);
        return false;
      } catch {
        return true;
      }
    });
    expect(notJson).toEqual([]);
    const parsed = lines.map((line) => JSON.parse(line) as { msg?: string });
    expect(parsed.some((line) => line.msg?.startsWith('DEMO MODE'))).toBe(true);
  }, 240_000);
});
