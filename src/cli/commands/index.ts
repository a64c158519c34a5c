// The registry of subcommands: one line per command.
import type { Command } from '../command.js';
import { analyzeCommand } from './analyze.js';

export const commands: Command[] = [analyzeCommand];
