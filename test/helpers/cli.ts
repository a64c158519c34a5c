// Runs the real CLI (bin/recoupe.js over dist/) in a child process, as a user
// does. tools/run-tests.mjs rebuilds dist/ first when the sources are newer.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/lang/resources.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The command line that starts the CLI with `args`: for spawn(process.execPath, cliArgs(…)). */
export function cliArgs(args: string[]): string[] {
  return [join(PACKAGE_ROOT, 'bin', 'recoupe.js'), ...args];
}

export function runCli(args: string[], opts: { input?: string | Buffer; cwd?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, cliArgs(args), {
    input: opts.input,
    cwd: opts.cwd ?? PACKAGE_ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
