// The processes a benchmark measures: each server runs in its own child
// process so its CPU and memory are its own, never the load generator's.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** A child process serving HTTP on loopback. */
export interface ServerProcess {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  /** Resets the kernel's peak-RSS mark (VmHWM) so the next reading covers one run only. */
  resetPeakRss(): void;
  /** Peak resident set size since start or the last reset, in MiB (VmHWM). */
  peakRssMiB(): number;
  /** CPU time (user + system) the process has used so far, in seconds. */
  cpuSeconds(): number;
  /** User and system CPU seconds (clock ticks, all threads), to split the time between JS and the kernel. */
  cpuTimes(): { user: number; system: number };
  /** Stops the process (SIGTERM, then SIGKILL after a deadline) and waits for it to exit. */
  stop(): Promise<void>;
}

const STOP_DEADLINE_MS = 10_000;

/** An ephemeral loopback port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function statusKiB(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match?.[1]) throw new Error(`no ${field} for pid ${pid}`);
  return Number(match[1]);
}

// Time on a CPU, in nanoseconds, summed over every thread of the process
// (main thread, libuv pool, V8's GC helpers): first field of each thread's
// /proc/<pid>/task/<tid>/schedstat. Unlike utime/stime it is not sampled at
// clock ticks, so short, sparse bursts of work are counted exactly.
function cpuSeconds(pid: number): number {
  let nanoseconds = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      nanoseconds += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // the thread ended between listing and reading
    }
  }
  return nanoseconds / 1e9;
}

// utime and stime (fields 14 and 15 of /proc/<pid>/stat, after the command
// name in parentheses), in clock ticks of 10 ms.
function cpuTimes(pid: number): { user: number; system: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 };
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_DEADLINE_MS);
  await exited(child);
  clearTimeout(timer);
}

function serverProcess(name: string, child: ChildProcess, url: string): ServerProcess {
  const pid = child.pid!;
  return {
    name,
    url,
    pid,
    // Linux: writing 5 to clear_refs resets VmHWM to the current RSS.
    resetPeakRss: () => writeFileSync(`/proc/${pid}/clear_refs`, '5'),
    peakRssMiB: () => statusKiB(pid, 'VmHWM') / 1024,
    cpuSeconds: () => cpuSeconds(pid),
    cpuTimes: () => cpuTimes(pid),
    stop: () => stopChild(child),
  };
}

async function until<T>(what: string, deadlineMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not ready within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Options for a plain `node` child that signals readiness over HTTP. */
export interface HttpChildOptions {
  name: string;
  /** Arguments after `node` (flags, then the entry file). */
  nodeArgs: string[];
  env: NodeJS.ProcessEnv;
  port: number;
  /** Polled until it answers 200. */
  readyPath: string;
  /** Where stdout and stderr go (a file, so a chatty logger never blocks on a full pipe). */
  logFile: string;
}

/** Starts `node <nodeArgs>` and waits until `readyPath` answers 200. */
export async function startHttpChild(options: HttpChildOptions): Promise<ServerProcess> {
  const log = openSync(options.logFile, 'w');
  const child = spawn(process.execPath, options.nodeArgs, { env: options.env, stdio: ['ignore', log, log] });
  closeSync(log);
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await until(options.name, 30_000, async () => {
      if (child.exitCode !== null)
        throw new Error(`${options.name} exited early:\n${readFileSync(options.logFile, 'utf8')}`);
      const ok = await fetch(url + options.readyPath).then(
        (r) => r.ok,
        () => false,
      );
      return ok ? true : undefined;
    });
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return serverProcess(options.name, child, url);
}

/** A TypeScript child (run through tsx) that talks to the benchmark over IPC. */
export interface IpcChild extends ServerProcess {
  /** Sends a request and resolves with the child's answer of the same type. */
  ask<T>(type: string): Promise<T>;
}

/** Forks `entry` with tsx; it must send `{ type: 'ready', url }` once it listens. */
export async function startIpcChild(name: string, entry: string, env: NodeJS.ProcessEnv): Promise<IpcChild> {
  const child = fork(entry, [], {
    env,
    execArgv: ['--require', 'tsx/cjs'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name}: not ready within 30000 ms`)), 30_000);
    child.once('exit', (code) => reject(new Error(`${name} exited early (${code})`)));
    child.once('message', (message: { type: string; url: string }) => {
      clearTimeout(timer);
      resolve(message.url);
    });
  });
  return {
    ...serverProcess(name, child, url),
    ask<T>(type: string) {
      return new Promise<T>((resolve) => {
        const onMessage = (message: { type: string; value: T }) => {
          if (message.type !== type) return;
          child.off('message', onMessage);
          resolve(message.value);
        };
        child.on('message', onMessage);
        child.send({ type });
      });
    },
  };
}

/** The benchmark's upstream (bench/upstream.ts): the demo upstream with a fixed latency, in its own process. */
export function startBenchUpstream(settings: {
  apiKey: string;
  records: number;
  latencyMs: number;
}): Promise<IpcChild> {
  return startIpcChild('upstream', path.join(__dirname, '../upstream.ts'), {
    ...process.env,
    BENCH_API_KEY: settings.apiKey,
    BENCH_RECORDS: String(settings.records),
    BENCH_LATENCY_MS: String(settings.latencyMs),
  });
}
