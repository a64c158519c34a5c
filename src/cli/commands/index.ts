// The registry of subcommands: one line per command.
import type { Command } from '../command.js';
import { analyzeCommand } from './analyze.js';
import { corpusCommand } from './corpus.js';
import { watchCommand } from './watch.js';
import { workerCommand } from './worker.js';
import { serveCommand } from './serve.js';
import { reportCommand } from './report.js';

export const commands: Command[] = [analyzeCommand, corpusCommand, watchCommand, workerCommand, serveCommand, reportCommand];
