import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AUDIT_DIR_ENV } from '../helpers/logs';

// Runs once before the workers start: they inherit the variable, and every
// gateway and response of the run is recorded there (test/helpers/logs.ts).
export default function setup(): void {
  process.env[AUDIT_DIR_ENV] = mkdtempSync(path.join(tmpdir(), 'pngw-audit-'));
}
