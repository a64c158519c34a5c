// The registry of subcommands: one line per command.
import type { Command } from '../command.js';
import { analyzeCommand } from './analyze.js';
import { serveCommand } from './serve.js';
import { reportCommand } from './report.js';

export const commands: Command[] = [analyzeCommand, serveCommand, reportCommand];
