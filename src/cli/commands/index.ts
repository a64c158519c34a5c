// The registry of subcommands: one line per command.
import type { Command } from '../command.js';
import { analyzeCommand } from './analyze.js';
import { corpusCommand } from './corpus.js';
import { serveCommand } from './serve.js';
import { reportCommand } from './report.js';

export const commands: Command[] = [analyzeCommand, corpusCommand, serveCommand, reportCommand];
