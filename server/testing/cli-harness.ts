import type { Store } from '../store/open-store';
import { runCli } from '../cli/run-cli';

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

/**
 * For tests: runs CLI commands against one open store (the command's own close is a no-op, so the
 * store outlives it) with the given environment, and keeps what they print.
 */
export function cliOn(store: Store, env: NodeJS.ProcessEnv = {}) {
  const shared: Store = { ...store, close: async () => {} };
  return async (...argv: string[]): Promise<CliRun> => {
    const run: CliRun = { code: 0, out: [], err: [] };
    run.code = await runCli(argv, {
      env,
      out: (line) => run.out.push(line),
      err: (line) => run.err.push(line),
      openStore: async () => shared,
    });
    return run;
  };
}
