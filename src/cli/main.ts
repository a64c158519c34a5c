// `recoupe` entry point: dispatches to a subcommand, maps errors to exit codes
// (DESIGN.md: 0 ok, 1 some inputs failed, 2 usage) and never shows a stack
// trace unless --debug is given.
import { UsageError } from '../ingest/errors.js';
import type { CliIO } from './command.js';
import { commands } from './commands/index.js';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'recoupe — who says what, according to whom, in news articles',
    '',
    'Usage: recoupe <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run `recoupe <command> --help` for a command's options. Add --debug to see stack traces.",
  ].join('\n');
}

export async function main(argv: string[], io?: Partial<CliIO>): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((a) => a !== '--debug');
  const full: CliIO = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, debug, ...io };
  // A closed pipe (`recoupe … | head`) is not an error.
  full.stdout.on?.('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    full.stdout.write(help() + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    const { PACKAGE_ROOT } = await import('../lang/resources.js');
    const { readFileSync } = await import('node:fs');
    full.stdout.write(JSON.parse(readFileSync(`${PACKAGE_ROOT}/package.json`, 'utf8')).version + '\n');
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    full.stderr.write(`recoupe: unknown command "${name}"\nsee \`recoupe --help\`\n`);
    return 2;
  }
  const cmd = { ...('load' in entry ? await entry.load() : entry), name: entry.name };
  if (!cmd.handlesHelp && (rest.includes('--help') || rest.includes('-h'))) {
    full.stdout.write(cmd.usage + '\n');
    return 0;
  }
  try {
    return await cmd.run(rest, full);
  } catch (e) {
    if (e instanceof UsageError) {
      full.stderr.write(`recoupe ${cmd.name}: ${e.message}\nsee \`recoupe ${e.command ?? cmd.name} --help\`\n`);
      return 2;
    }
    const err = e as Error;
    full.stderr.write(`recoupe ${cmd.name}: ${err.message ?? String(e)}\n`);
    if (debug && err.stack) full.stderr.write(err.stack + '\n');
    else full.stderr.write('(run with --debug for details)\n');
    return 1;
  }
}
