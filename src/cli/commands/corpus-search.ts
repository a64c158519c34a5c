// recoupe corpus search QUERY [filters] [--format jsonl|csv|json]
import { parse } from '../args.js';
import type { Command, CliIO } from '../command.js';
import { UsageError } from '../../ingest/errors.js';
import type { SearchHit } from '../../corpus/store.js';
import { DB_HELP, DB_OPTION, FORMAT_HELP, FORMAT_OPTION, exportRows, isoDate, positiveInt, rowFormat } from './corpus-common.js';
import { knownEntityKey } from '../../kb/entity-key.js';
import { entityFilterKey, storeEntities } from '../../corpus/entity-filter.js';

const usage = `Usage: recoupe corpus search [QUERY] [options]

Full-text search: words match every form (« livraison » finds « livrées »),
accents are ignored, "quoted phrases" match in order. Best matches first.
Without QUERY (or with ""), documents are listed by the filters alone.

Options:
${DB_HELP}
${FORMAT_HELP}
  --outlet NAME      only this outlet
  --from DATE        published on or after YYYY-MM-DD
  --to DATE          published on or before YYYY-MM-DD
  --language CODE    only this language (also the language the query is stemmed in; default fr)
  --speaker NAME     someone whose name contains NAME is quoted (accents and case ignored)
  --entity KEY|NAME  mentions this entity (its key, or any of its names: Daech = Daesh = EI = ISIS)
  --hedged           has a hedged attribution or claim
  --anonymous        has an anonymous source
  --limit N          at most N results`;

/** What a search row shows: the document's identity, where it matched, not its whole text. */
function hitRow(h: SearchHit) {
  return {
    id: h.id,
    input_path: h.inputPath,
    input_line: h.inputLine,
    title: h.title,
    outlet: h.outlet,
    published: h.published,
    language: h.language,
    url: h.url,
    rank: Number(h.rank.toFixed(3)),
    snippet: h.snippet,
  };
}

export const corpusSearch: Command = {
  name: 'search',
  summary: 'full-text search with filters',
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parse(args, {
      ...DB_OPTION,
      ...FORMAT_OPTION,
      outlet: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      language: { type: 'string' },
      speaker: { type: 'string' },
      entity: { type: 'string' },
      hedged: { type: 'boolean' },
      anonymous: { type: 'boolean' },
      limit: { type: 'string' },
    });
    // An empty value (`--speaker ''`, a QUERY of spaces) would match everything: it is a usage error, not a filter.
    for (const k of ['outlet', 'from', 'to', 'language', 'speaker', 'entity'] as const)
      if (values[k] !== undefined && values[k].trim() === '') throw new UsageError(`--${k} is empty`);
    const blank = positionals.length > 0 && positionals.join('').trim() === '';
    const filtered = ['outlet', 'from', 'to', 'language', 'speaker', 'entity', 'hedged', 'anonymous'].some(
      (k) => values[k as keyof typeof values] !== undefined,
    );
    if (blank && !filtered) throw new UsageError('QUERY is empty (give words, or a filter such as --entity NAME)');
    if (positionals.length === 0 && !filtered) throw new UsageError('no QUERY and no filter given (a QUERY, or a filter such as --entity NAME)');
    const format = rowFormat(values.format);
    const query = {
      text: positionals.join(' '),
      outlet: values.outlet,
      from: isoDate(values.from, '--from'),
      to: isoDate(values.to, '--to'),
      language: values.language,
      speaker: values.speaker,
      entity: values.entity,
      // A query naming an entity (`Daech`) finds its other names too (`Daesh`, `EI`, `ISIS`).
      textEntity: knownEntityKey(positionals.join(' ').trim()) ?? undefined,
      hedged: values.hedged,
      anonymous: values.anonymous,
      limit: positiveInt(values.limit, '--limit'),
    };
    return exportRows(io, values.db, format, async function* (store) {
      // `--entity` takes a key or a name, resolved against the corpus as the web API does.
      const entity = query.entity === undefined ? undefined : await entityFilterKey(query.entity, storeEntities(store));
      let hits = 0;
      for await (const h of store.search({ ...query, entity })) {
        hits++;
        yield hitRow(h);
      }
      // No row is no error, but an entity no document names is worth saying (a misspelt name, a form never used).
      if (hits === 0 && entity !== undefined) {
        const key = entity === query.entity ? '' : ` (${entity})`;
        io.stderr.write(`recoupe corpus search: no document names the entity "${query.entity}"${key}\n`);
      }
    });
  },
};
