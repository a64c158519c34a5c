// Runs the CLI from source as a child process and measures what a user would
// see: wall time, time to the first byte of output (does it stream?), bytes and
// lines written, the child's CPU time (all threads: on a shared machine wall
// time also measures the neighbours) and peak memory (max RSS, threads
// included), both as the child itself reports them at exit.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/lang/resources.js';

/** Preloaded into the child: prints its max RSS (KiB) and CPU time (µs) on stderr as it exits. */
const REPORT_USAGE =
  'data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("\\nmaxrss "+u.maxRSS+" cpu "+(u.userCPUTime+u.systemCPUTime)+"\\n")})';

export interface CliRun {
  seconds: number;
  /** CPU seconds, all threads of the child. */
  cpuSeconds: number;
  /** Seconds until the first byte on stdout (null: nothing was written). */
  firstByte: number | null;
  bytes: number;
  lines: number;
  maxRssMb: number;
}

/** `recoupe ARGS…` from source; stdout is counted and dropped. Rejects on a non-zero exit. */
export function runCli(args: string[]): Promise<CliRun> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', REPORT_USAGE, '--import', 'tsx', join(PACKAGE_ROOT, 'src', 'cli', 'bin.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let firstByte: number | null = null;
  let bytes = 0;
  let lines = 0;
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    firstByte ??= (performance.now() - started) / 1000;
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s: string) => {
    // Keep the tail only: the max RSS line comes last.
    stderr = (stderr + s).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const m = /maxrss (\d+) cpu (\d+)/.exec(stderr);
      if (code !== 0 || !m) return reject(new Error(`recoupe ${args.join(' ')} failed (${code}): ${stderr.trim().slice(-500)}`));
      resolve({ seconds: (performance.now() - started) / 1000, cpuSeconds: Number(m[2]) / 1e6, firstByte, bytes, lines, maxRssMb: Number(m[1]) / 1024 });
    });
  });
}
