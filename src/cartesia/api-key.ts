import { createHash } from 'node:crypto';
import { readFileSync, unwatchFile, watchFile } from 'node:fs';

/** Where the client gets the Cartesia key from for each call. */
export interface ApiKeySource {
  /** The key to send now. */
  current(): string;
  /** Re-reads the key where that means anything; true when it changed (worth one more try after a 401). */
  reload(): boolean;
  /** Stops watching. */
  close(): void;
}

/** A key fixed at start (from CARTESIA_API_KEY). */
export function staticApiKey(key: string): ApiKeySource {
  return { current: () => key, reload: () => false, close: () => undefined };
}

/**
 * A key read from a mounted secret file (CARTESIA_API_KEY_FILE), re-read
 * when the file changes and whenever Cartesia answers 401, so the key can be
 * rotated without a restart. Polling stat() rather than inotify follows the
 * symlink swap Kubernetes does when it updates a secret volume.
 */
export class FileApiKey implements ApiKeySource {
  private key: string;
  private readonly onFileChange: () => void;

  constructor(
    private readonly file: string,
    options: { initial?: string; pollMs?: number; onRotate?: () => void } = {},
  ) {
    this.key = options.initial ?? readKey(file) ?? '';
    if (!this.key) throw new Error(`CARTESIA_API_KEY_FILE: ${file} holds no key`);
    this.onFileChange = () => {
      if (this.reload()) options.onRotate?.();
    };
    watchFile(file, { interval: options.pollMs ?? 1_000, persistent: false }, this.onFileChange);
  }

  current(): string {
    return this.key;
  }

  reload(): boolean {
    // Mid-swap the file can be missing or empty for a moment: keep the old key.
    const next = readKey(this.file);
    if (!next || next === this.key) return false;
    this.key = next;
    return true;
  }

  close(): void {
    unwatchFile(this.file, this.onFileChange);
  }
}

function readKey(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * A short, stable, one-way name for the current key: cache and coalescing
 * keys never hold the key. Hashes once per key, not once per call.
 */
export function keyFingerprints(source: ApiKeySource): () => string {
  let last = { key: '', fingerprint: '' };
  return () => {
    const key = source.current();
    if (last.key !== key)
      last = { key, fingerprint: createHash('sha256').update(key).digest('base64url').slice(0, 22) };
    return last.fingerprint;
  };
}
