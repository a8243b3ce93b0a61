import { ConfigError, loadConfig } from '../../src/config';

type Env = Record<string, string>;

/**
 * The problems `read` (loadConfig by default, or the composition root's
 * file reading) reports for `env`; fails the test when it reports none.
 */
export function problemsOf(env: Env, read: (env: Env) => unknown = loadConfig): readonly string[] {
  try {
    read(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
