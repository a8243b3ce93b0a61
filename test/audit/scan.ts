import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { TEST_API_KEY } from '../helpers/gateway';

const FORBIDDEN: Array<[string, RegExp]> = [
  ['the test API key', new RegExp(TEST_API_KEY)],
  ['a Cartesia-style key', /sk_car_/],
  // `Bearer <token>` in an error message is a placeholder, not a credential.
  ['a bearer credential', /Bearer(\s|\\[tn])+(?!\[redacted\]|<token>)\S/i],
  ['a JWT', /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\./],
];

/** What the leak audit found in a folder of recorded log lines and responses. */
export interface AuditResult {
  logLines: number;
  files: number;
  /** `file:line: what` for every forbidden value. */
  hits: string[];
}

/** Greps every recorded line for API keys, bearer credentials and JWTs. */
export function scanForSecrets(dir: string): AuditResult {
  const files = readdirSync(dir);
  const result: AuditResult = { logLines: 0, files: files.length, hits: [] };
  for (const file of files) {
    const lines = readFileSync(path.join(dir, file), 'utf8').split('\n').filter(Boolean);
    if (file.startsWith('logs-')) result.logLines += lines.length;
    lines.forEach((line, index) => {
      for (const [what, pattern] of FORBIDDEN) {
        if (pattern.test(line)) result.hits.push(`${file}:${index + 1}: ${what}`);
      }
    });
  }
  return result;
}
