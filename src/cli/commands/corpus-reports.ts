// The corpus reports: sources, claim groups, the citation graph, narratives,
// near-duplicates and stats. Each streams every row (no cap) as JSONL, CSV or JSON.
import { parse, oneOf } from '../args.js';
import type { Command, CliIO } from '../command.js';
import {
  claimGroupsOf,
  gexf,
  graphJson,
  graphOf,
  narratives,
  ROW_FORMATS,
  streamClaimGroups,
  writeChunks,
  writeRows,
  type ClaimGroup,
  type CorpusStore,
  type GroupOptions,
  type RowFormat,
} from '../../corpus/index.js';
import { actors } from '../../corpus/source-keys.js';
import { DB_HELP, DB_OPTION, FORMAT_HELP, FORMAT_OPTION, exportRows, openExisting, positiveInt, rowFormat } from './corpus-common.js';

const GROUP_OPTIONS = { 'min-documents': { type: 'string' }, 'min-claims': { type: 'string' } } as const;
const GROUP_HELP = `  --min-documents N  only groups spanning N documents or more (default 1)
  --min-claims N     only groups of N claims or more (default 2)`;

function groupOptions(values: { 'min-documents'?: string; 'min-claims'?: string }): GroupOptions {
  return { minDocuments: positiveInt(values['min-documents'], '--min-documents'), minClaims: positiveInt(values['min-claims'], '--min-claims') };
}

/** Where a document can be found again: its title and URL, by document id (read once, without the texts). */
type Whereabouts = Map<string, { title: string | null; url: string | null }>;

async function whereabouts(store: CorpusStore): Promise<Whereabouts> {
  const out: Whereabouts = new Map();
  for await (const d of store.documents()) out.set(d.id, { title: d.title, url: d.url });
  return out;
}

function groupRow(g: ClaimGroup, where: Whereabouts) {
  return {
    id: g.id,
    label: g.label,
    first: g.first,
    last: g.last,
    document_count: g.documents.length,
    claim_count: g.claims.length,
    independent_sources: g.independence.distinctSources,
    verdict: g.independence.verdict,
    reasons: g.independence.reasons,
    explanation: g.explanation,
    contradicts: g.contradicts,
    contradicted_by: g.independence.contradictedBy,
    entity_keys: g.entityKeys,
    numbers: g.numbers,
    speakers: g.speakers,
    upstream_sources: g.independence.sources,
    // The contract's fields, then the title and URL a reader needs to open the article (null when unknown).
    documents: g.documents.map((d) => ({ ...d, title: where.get(d.id)?.title ?? null, url: where.get(d.id)?.url ?? null })),
    claims: g.claims,
  };
}

/** A report that streams one store listing as rows. */
function listing(name: string, summary: string, description: string, rows: (store: CorpusStore) => AsyncIterable<object>): Command {
  return {
    name,
    summary,
    usage: `Usage: recoupe corpus ${name} [options]

${description}

Options:
${DB_HELP}
${FORMAT_HELP}`,
    async run(args: string[], io: CliIO) {
      const { values } = parse(args, { ...DB_OPTION, ...FORMAT_OPTION }, false);
      return exportRows(io, values.db, rowFormat(values.format), rows);
    },
  };
}

const sources = listing(
  'sources',
  'speakers and outlets with counts, named and anonymous',
  `One row per outlet (documents published) and per speaker as an actor (attributions,
documents quoting them), with its key: every name of one person, body or outlet under
one row; each speaker of a coordinated source (« X et Y ont déclaré ») counted; anonymous
sources grouped by what they are; pronouns with no referent left out. First and last dates.`,
  (store) => actors(store.sources(), store.claimFeatures()),
);

const duplicates = listing(
  'duplicates',
  'near-duplicates and republications (MinHash)',
  'One row per pair: the later copy, the earlier one, their estimated similarity.',
  (store) => store.nearDuplicates(),
);

const claims: Command = {
  name: 'claims',
  summary: 'claim groups: the same claim across documents, with an independence verdict',
  usage: `Usage: recoupe corpus claims [options]

Groups of claims that assert the same thing (same entities, same numbers, same
predicate), each with its documents (id, input path, outlet, date, title, URL),
claims, speakers and via chains, first and last dates, and how many independent
upstream sources confirm it. Largest first.

Options:
${DB_HELP}
${FORMAT_HELP}
${GROUP_HELP}`,
  async run(args: string[], io: CliIO) {
    const { values } = parse(args, { ...DB_OPTION, ...FORMAT_OPTION, ...GROUP_OPTIONS }, false);
    const format = rowFormat(values.format);
    const options = groupOptions(values);
    return exportRows(io, values.db, format, async function* (store) {
      const where = await whereabouts(store);
      for await (const g of streamClaimGroups(store, options)) yield groupRow(g, where);
    });
  },
};

const GRAPH_FORMATS = ['gexf', ...ROW_FORMATS] as const;

const graph: Command = {
  name: 'graph',
  summary: 'citation graph: outlets, speakers, media; quotes, cites, republishes, translates',
  usage: `Usage: recoupe corpus graph [options]

Options:
${DB_HELP}
  --format F   gexf (Gephi), json ({nodes, edges}), jsonl or csv (one edge per row); default json`,
  async run(args: string[], io: CliIO) {
    const { values } = parse(args, { ...DB_OPTION, ...FORMAT_OPTION }, false);
    const format = oneOf(values.format, GRAPH_FORMATS, '--format', 'json');
    const store = await openExisting(values.db);
    try {
      const g = await graphOf(store);
      if (format === 'gexf' || format === 'json') await writeChunks(format === 'gexf' ? gexf(g) : graphJson(g), io.stdout);
      else {
        const labels = new Map(g.nodes.map((n) => [n.id, n]));
        await writeRows(
          g.edges.map((e) => ({
            source: e.source,
            source_label: labels.get(e.source)?.label,
            kind: e.kind,
            target: e.target,
            target_label: labels.get(e.target)?.label,
            count: e.count,
            first: e.first,
            last: e.last,
          })),
          format as RowFormat,
          io.stdout,
        );
      }
    } finally {
      await store.close();
    }
    return 0;
  },
};

const narrativesCommand: Command = {
  name: 'narratives',
  summary: 'claim groups telling the same story over time, with a timeline',
  usage: `Usage: recoupe corpus narratives [options]

Claim groups about the same entities and close in time, joined into stories,
each with its timeline (documents per day), first seen, peaks and outlets.

Options:
${DB_HELP}
${FORMAT_HELP}
${GROUP_HELP}
  --min-groups N     only narratives of N claim groups or more (default 2)`,
  async run(args: string[], io: CliIO) {
    const { values } = parse(args, { ...DB_OPTION, ...FORMAT_OPTION, ...GROUP_OPTIONS, 'min-groups': { type: 'string' } }, false);
    const format = rowFormat(values.format);
    const minGroups = positiveInt(values['min-groups'], '--min-groups');
    const options = groupOptions(values);
    return exportRows(io, values.db, format, async (store) => narratives(await claimGroupsOf(store, options), { minGroups }));
  },
};

const stats: Command = {
  name: 'stats',
  summary: 'counts: documents, claims, attributions, outlets, languages, dates',
  usage: `Usage: recoupe corpus stats [--db FILE] [--format json|jsonl|csv]

${DB_HELP}
  --format F   json (default: an array of one object), jsonl (one line) or csv (a header and one row)`,
  async run(args: string[], io: CliIO) {
    const { values } = parse(args, { ...DB_OPTION, ...FORMAT_OPTION }, false);
    const format = values.format === undefined ? 'json' : rowFormat(values.format);
    return exportRows(io, values.db, format, async (store) => [await store.stats()]);
  },
};

export const corpusReports: Command[] = [sources, claims, graph, narrativesCommand, duplicates, stats];
