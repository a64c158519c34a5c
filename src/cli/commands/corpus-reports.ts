import type { Command } from '../command.js';
export const corpusReports: Command[] = [];
