import { rmSync } from 'node:fs';
import { AUDIT_DIR_ENV } from '../helpers/logs';
import { scanForSecrets } from './scan';

// The key-leak audit of the whole run: every log line every in-process
// gateway wrote (at debug level) and every GraphQL response body the tests
// received, grepped for the API keys and bearer credentials. A hit fails the
// run. (Spawned gateways are checked by their own tests.)
export default function teardown(): void {
  const dir = process.env[AUDIT_DIR_ENV];
  if (!dir) return;
  try {
    const { logLines, files, hits } = scanForSecrets(dir);
    if (logLines === 0) {
      // A run of unit tests only starts no gateway: nothing to audit.
      console.log('leak audit: no gateway ran, nothing to check');
      return;
    }
    if (hits.length > 0)
      throw new Error(`leak audit: secrets in logs or responses:\n  ${hits.slice(0, 20).join('\n  ')}`);
    console.log(`leak audit: ${logLines} log lines in ${files} files, no API key, bearer credential or JWT`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
