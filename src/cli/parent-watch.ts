// `npx recoupe serve` runs node under a shell under npm (npm → sh -c → node).
// Ctrl-C reaches the whole process group, but `kill <npm pid>` reaches npm
// alone: npm exits, and the shell (dash does not exec its last command) keeps
// waiting for a server that keeps running, holding the port. So a process
// started by npm (npm sets npm_command in its children's environment) watches
// the chain of its ancestors up to npm itself, and stops when one of them is
// gone. Linux only (it reads /proc); elsewhere, and outside npm, nothing is watched.
import { readFileSync } from 'node:fs';

const INTERVAL_MS = 1000;

/** The parent pid of `pid`, from /proc (null when unknown). */
function parentOf(pid: number): number | null {
  try {
    // Field 4 of /proc/<pid>/stat, after the command name in parentheses (which may hold spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) && ppid > 0 ? ppid : null;
  } catch {
    return null;
  }
}

function startedByNpm(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'latin1')
      .split('\0')
      .some((v) => v.startsWith('npm_command='));
  } catch {
    return false;
  }
}

/**
 * The ancestors to watch: those npm started (they carry npm_command), and npm
 * itself (the first ancestor without it). Empty outside npm or without /proc.
 * `orphaned`: the chain ends (at init) before reaching npm: npm is already gone.
 */
export function npmAncestors(env: NodeJS.ProcessEnv = process.env, self = process.pid): { chain: number[]; orphaned: boolean } {
  const chain: number[] = [];
  if (!env.npm_command || parentOf(self) === null) return { chain, orphaned: false };
  for (let pid = parentOf(self); pid !== null && pid > 1 && chain.length < 16; pid = parentOf(pid)) {
    chain.push(pid);
    if (!startedByNpm(pid)) return { chain, orphaned: false };
  }
  return { chain, orphaned: true };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Calls `onGone` once when one of the npm ancestors has exited; returns a function that stops watching. */
export function watchNpmParent(onGone: () => void, env: NodeJS.ProcessEnv = process.env): () => void {
  const { chain, orphaned } = npmAncestors(env);
  if (chain.length === 0 && !orphaned) return () => {};
  const timer = setInterval(() => {
    if (!orphaned && chain.every(alive)) return;
    clearInterval(timer);
    onGone();
  }, INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
