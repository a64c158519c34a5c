// recoupe report PATH... [--db FILE] [--format md|html] --out DIR [--lang fr|en]
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parse, oneOf } from '../args.js';
import type { CommandBody, CliIO } from '../command.js';
import { printable, UsageError } from '../../ingest/errors.js';
import { expandInputs } from '../../ingest/inputs.js';
import { analyzeItem } from '../../ingest/analyze-items.js';
import { readAll } from '../stdin.js';
import { Progress } from '../progress.js';
import { uniqueName } from './analyze.js';
import { docName } from '../../present/formatters.js';
import type { Analysis } from '../../doc/schema.js';
import { UI_LANGUAGES, type UiLang } from '../../present/html-i18n.js';
import { articleReportHtml, corpusReportHtml } from '../../present/report-html.js';
import { articleReportMd, corpusReportMd } from '../../present/report-md.js';
import { CorpusSummary } from '../../present/report-summary.js';
import { CSV_EXPORTS, csvRow } from '../../present/csv.js';
import { claimReviewDraft } from '../../present/claimreview.js';
import { openCorpus } from '../../server/corpus-adapter.js';
import type { CorpusPort } from '../../server/corpus-port.js';

const usage = `Usage: recoupe report [PATH...] --out DIR [options]

Write readable reports: one page per article (its text with speakers, cues,
contents, via chains, hedges and entities highlighted), one for the corpus,
and CSV exports (documents, attributions, claims, entities).
PATH is what \`recoupe analyze\` takes; with --db and no PATH, the stored documents.

Options:
  --out DIR      where to write (index.md|html, articles/, csv/, claimreview/)
  --format F     html (default: self-contained pages, no script) or md
  --db FILE      a corpus database: adds claim groups and their ClaimReview drafts
  --lang L       interface language of the reports: fr (default) or en
  --raw          inputs are already-clean text`;

const FORMATS = ['html', 'md'] as const;
const PAGE = 200;
const MAX_GROUPS = 1000;

async function* storedAnalyses(corpus: CorpusPort): AsyncGenerator<Analysis> {
  for (let offset = 0; ; offset += PAGE) {
    const page = await corpus.documents({ limit: PAGE, offset });
    for (const d of page.items) {
      const a = await corpus.document(d.id);
      if (a) yield a;
    }
    if (page.items.length < PAGE) return;
  }
}

export const reportCommand: CommandBody = {
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parse(args, {
      out: { type: 'string' },
      format: { type: 'string' },
      db: { type: 'string' },
      lang: { type: 'string' },
      raw: { type: 'boolean' },
    });
    if (!values.out) throw new UsageError('--out DIR is required');
    if (positionals.length === 0 && !values.db) throw new UsageError('give PATH... or --db FILE');
    const format = oneOf(values.format, FORMATS, '--format', 'html');
    const lang = oneOf<UiLang>(values.lang, UI_LANGUAGES, '--lang', 'fr');
    const corpus = values.db ? await openCorpus(values.db) : null;
    const out = values.out;
    for (const dir of ['articles', 'csv']) mkdirSync(join(out, dir), { recursive: true });
    const csv = CSV_EXPORTS.map((x) => {
      const fd = openSync(join(out, 'csv', `${x.name}.csv`), 'w');
      writeSync(fd, csvRow(x.header));
      return { x, fd };
    });
    const summary = new CorpusSummary();
    const used = new Set<string>();
    const progress = new Progress(io.stderr, 'reported');
    let failures = 0;
    const report = (a: Analysis) => {
      const file = `articles/${uniqueName(docName(a), used)}.${format}`;
      writeFileSync(join(out, file), format === 'html' ? articleReportHtml(a, lang) : articleReportMd(a, lang));
      for (const { x, fd } of csv) for (const row of x.rows(a)) writeSync(fd, csvRow(row));
      summary.add(a, file);
      progress.tick();
    };
    try {
      if (positionals.length) {
        for await (const item of expandInputs(positionals, () => readAll(io.stdin))) {
          const r = analyzeItem(item, { raw: values.raw ?? false });
          if (r.ok) report(r.analysis);
          else {
            failures++;
            io.stderr.write(`recoupe report: ${printable(r.error.path)}: ${r.error.reason}\n`);
          }
        }
      } else if (corpus) {
        for await (const a of storedAnalyses(corpus)) report(a);
      }
      if (corpus) {
        mkdirSync(join(out, 'claimreview'), { recursive: true });
        summary.groups = (await corpus.claimGroups({ limit: MAX_GROUPS, offset: 0 })).items;
        for (const [i, g] of summary.groups.entries()) {
          const group = await corpus.claimGroup(g.id);
          if (!group) continue;
          const why = group.reasonMessages[0];
          if (why) summary.verdictReasons.set(g.id, why);
          const against = group.reasonMessages.filter((r) => r.id === 'contradicted');
          if (against.length) summary.contradictions.set(g.id, against);
          const file = `claimreview/group-${i + 1}.jsonld`;
          writeFileSync(join(out, file), JSON.stringify(claimReviewDraft(group), null, 2) + '\n');
          summary.claimReviewFiles.set(g.id, file);
        }
      }
    } finally {
      for (const { fd } of csv) closeSync(fd);
      await corpus?.close();
    }
    progress.done();
    writeFileSync(join(out, `index.${format}`), format === 'html' ? corpusReportHtml(summary, lang) : corpusReportMd(summary, lang));
    io.stderr.write(`recoupe report: ${summary.documents.length} article(s) → ${join(out, `index.${format}`)}\n`);
    return failures > 0 ? 1 : 0;
  },
};
