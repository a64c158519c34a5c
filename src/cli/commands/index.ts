// The registry of subcommands: one line per command. Each module is loaded only
// when its command runs (start-up: `analyze` loads neither the corpus nor the server).
import type { Command, LazyCommand } from '../command.js';

export const commands: (LazyCommand | Command)[] = [
  { name: 'analyze', summary: 'analyse articles: sourcing, attributions, entities, claims', load: async () => (await import('./analyze.js')).analyzeCommand },
  {
    name: 'corpus',
    summary: 'store analyses; search, sources, claim groups, graph, narratives',
    load: async () => (await import('./corpus.js')).corpusCommand,
  },
  { name: 'watch', summary: 'keep a corpus up to date from feeds, adding only new articles', load: async () => (await import('./watch.js')).watchCommand },
  { name: 'worker', summary: 'analyse and store queued articles (PostgreSQL corpus)', load: async () => (await import('./worker.js')).workerCommand },
  { name: 'serve', summary: 'serve the HTTP API and the web app', load: async () => (await import('./serve.js')).serveCommand },
  {
    name: 'report',
    summary: 'write Markdown or self-contained HTML reports, CSV exports and ClaimReview drafts',
    load: async () => (await import('./report.js')).reportCommand,
  },
];
