import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';

/** Set by test/audit/setup.ts: where every log line and response of the run is kept for the leak audit. */
export const AUDIT_DIR_ENV = 'PNGW_TEST_AUDIT_DIR';

/** Appends text to this worker's audit file of `kind` (no-op outside a jest run with the audit). */
export function auditRecord(kind: 'logs' | 'responses', text: string): void {
  const dir = process.env[AUDIT_DIR_ENV];
  if (!dir) return;
  appendFileSync(path.join(dir, `${kind}-${process.pid}.txt`), text.endsWith('\n') ? text : `${text}\n`);
}

/** A pino destination that keeps every line for the test to read (and for the leak audit). */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  private readonly waiters = new Set<() => void>();

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    const text = chunk.toString('utf8');
    auditRecord('logs', text);
    for (const line of text.split('\n')) if (line.trim()) this.lines.push(line);
    this.waiters.forEach((listener) => listener());
    done();
  }

  /** Every line parsed as JSON. */
  entries(): Array<Record<string, unknown>> {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** The first entry matching `predicate`, waiting for it up to `timeoutMs`. */
  waitFor(
    predicate: (entry: Record<string, unknown>) => boolean,
    timeoutMs = 10_000,
  ): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.entries().find(predicate);
        if (!found) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no matching log line within ${timeoutMs} ms; lines:\n${this.lines.slice(-20).join('\n')}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }
}
