// In-process CLI runs for the hostile suite (no child process: cheaper on a
// shared machine), and a hang guard for async work.
import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(args: string[], input = ''): Promise<Run> {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks: Buffer[] = [];
  const errs: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  err.on('data', (c: Buffer) => errs.push(c));
  const code = await main(args, { stdout: out, stderr: err, stdin: Readable.from([Buffer.from(input)]) });
  return { code, stdout: Buffer.concat(chunks).toString('utf8'), stderr: Buffer.concat(errs).toString('utf8') };
}

/** No stack trace in a command's error output. */
export const STACK = /^\s+at .+:\d+:\d+\)?$/m;
