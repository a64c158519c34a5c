// recoupe corpus <subcommand>: the corpus of stored analyses.
import type { Command, CommandBody, CliIO } from '../command.js';
import { UsageError } from '../../ingest/errors.js';
import { corpusAdd } from './corpus-add.js';
import { corpusSearch } from './corpus-search.js';
import { corpusReports } from './corpus-reports.js';

const subcommands: Command[] = [corpusAdd, corpusSearch, ...corpusReports];
const width = Math.max(...subcommands.map((c) => c.name.length));

const usage = `Usage: recoupe corpus <subcommand> [options]

The corpus: analyses stored in one SQLite file (see docs/corpus-schema.md), or on
a PostgreSQL server with --db postgres://… (see docs/postgres.md).

Subcommands:
${subcommands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Each subcommand's options follow.

${subcommands.map((c) => c.usage).join('\n\n')}`;

export const corpusCommand: CommandBody = {
  usage,
  handlesHelp: true,
  async run(args: string[], io: CliIO): Promise<number> {
    const [name, ...rest] = args;
    if (name === '--help' || name === '-h') {
      io.stdout.write(usage + '\n');
      return 0;
    }
    const sub = subcommands.find((c) => c.name === name);
    if (!sub) throw new UsageError(name ? `unknown corpus subcommand "${name}"` : 'no subcommand given');
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(sub.usage + '\n');
      return 0;
    }
    try {
      return await sub.run(rest, io);
    } catch (e) {
      // The hint names the subcommand, whose help is a screen, not the whole corpus help.
      if (e instanceof UsageError) e.command ??= `corpus ${sub.name}`;
      throw e;
    }
  },
};
