// Starts `recoupe serve` as a child process on a free loopback port (so a load
// generator does not share its event loop) and resolves once it listens.
import { spawn, type ChildProcess } from 'node:child_process';

/** `nodeArgs` run the CLI (e.g. [bin/recoupe.js] or [--import, tsx, src/cli/bin.ts]); `extra` are more `serve` flags. */
export async function startServer(nodeArgs: string[], extra: string[] = []): Promise<{ url: string; server: ChildProcess }> {
  const server = spawn(process.execPath, [...nodeArgs, 'serve', '--host', '127.0.0.1', '--port', '0', ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    server.stderr!.setEncoding('utf8');
    server.stderr!.on('data', (d: string) => {
      log += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (m) resolve(m[1]!);
    });
    server.once('exit', (code) => reject(new Error(`recoupe serve exited (${code}): ${log}`)));
  });
  return { url, server };
}
