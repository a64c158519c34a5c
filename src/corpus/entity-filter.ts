// Which entity key a filter value means (`corpus search --entity`, `/api/search?entity=`), read against the
// corpus itself: the CLI and the web API answer the same, so `--entity "Emmanuel Macron"` finds the articles
// that `/api/search?entity=Emmanuel%20Macron` finds, although no knowledge base lists that name.
import { entityKeyFor } from '../kb/entity-key.js';
import { foldLower } from '../text/fold.js';
import type { CorpusStore } from './store.js';

/** An entity of the corpus with the names it is written with. */
export interface NamedEntity {
  key: string;
  names: Iterable<string>;
}

/**
 * The key `value` means: the value itself when it is a key of the corpus (`per:jean-luc-melenchon`); else the
 * knowledge bases' entity of that name (« Daech » → the key the corpus stores for « Daesh », « EI ») when the
 * corpus holds it; else the first entity written with that name, accents and case aside (« Jean-Luc Melenchon »);
 * else the knowledge bases' key (or the value), which then matches nothing.
 */
export async function entityFilterKey(value: string, entities: Iterable<NamedEntity> | AsyncIterable<NamedEntity>): Promise<string> {
  const kb = entityKeyFor(value.trim());
  const name = foldLower(value.trim());
  let hasKb = false;
  let named: string | undefined;
  for await (const e of entities) {
    if (e.key === value) return value;
    if (e.key === kb) hasKb = true;
    if (named === undefined) for (const n of e.names) if (foldLower(n) === name) named = e.key;
  }
  return hasKb ? kb : (named ?? kb);
}

/** The store's entity rows as named entities, streamed (one row per mention: a key comes back once per name). */
export async function* storeEntities(store: Pick<CorpusStore, 'entities'>): AsyncIterable<NamedEntity> {
  for await (const e of store.entities()) yield { key: e.key, names: [e.text] };
}
