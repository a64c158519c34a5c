// The entities layer: PER/ORG/LOC/MISC from the statistical tagger, DATE and
// QUANTITY from rules, knowledge-base actors the tagger missed; every mention
// gets a `key` shared by all aliases of its entity.
import type { Doc } from '../../doc/doc.js';
import type { Entity } from '../../doc/schema.js';
import type { Stage } from '../../pipeline/stage.js';
import { knowledgeBase, type KbEntity, type KnowledgeBase } from '../../kb/kb.js';
import { slug } from '../../kb/normalise.js';
import { prepare } from './features.js';
import { loadModel } from './model.js';
import { ruleEntities } from './rules.js';
import { spansFromTags } from './spans.js';

/** Key and subtype of a tagged mention: the KB's when it knows the name, else a slug of the name. */
function resolve(kb: KnowledgeBase, type: Entity['type'], surface: string): Pick<Entity, 'type' | 'subtype' | 'key'> {
  const known: KbEntity | undefined = kb.lookup(surface);
  // Curated entries fix the type ("Daech" is an ORG whatever the tagger says);
  // generated place names only give a key to mentions the tagger calls places.
  if (known && (known.curated || known.type === type)) return { type: known.type, subtype: known.subtype, key: known.key };
  return { type, subtype: null, key: `${type.toLowerCase()}:${slug(surface)}` };
}

export function findEntities(doc: Doc): Entity[] {
  const { text, tokens } = doc;
  const language = doc.meta.language;
  const kb = knowledgeBase(language);
  const model = loadModel(language);
  const prepared = prepare(text, tokens, kb.gazetteer);
  /** token index → 1 when an entity already covers it */
  const taken = new Uint8Array(tokens.length);
  const out: Entity[] = [];
  const push = (first: number, last: number, e: Pick<Entity, 'type' | 'subtype' | 'key'>) => {
    const start = tokens[first]!.start;
    const end = tokens[last]!.end;
    out.push({ start, end, text: text.slice(start, end), ...e });
    taken.fill(1, first, last + 1);
  };
  if (model) {
    for (const s of spansFromTags(tokens, model.tag(prepared))) push(s.first, s.last, resolve(kb, s.type, text.slice(s.start, s.end)));
  }
  const free = (first: number, last: number) => taken.subarray(first, last + 1).every((v) => v === 0);
  // Curated actors and demonyms the tagger left out ("l'EI", "les forces irakiennes").
  for (const m of kb.gazetteer.matches(prepared.forms)) {
    const e = kb.entity(m.entry);
    if ((e.curated || e.subtype === 'demonym') && free(m.start, m.end - 1)) {
      push(m.start, m.end - 1, { type: e.type, subtype: e.subtype, key: e.key });
    }
  }
  for (const r of ruleEntities(prepared.forms, tokens, language)) {
    if (!free(r.first, r.last)) continue;
    push(r.first, r.last, { type: r.type, subtype: null, key: `${r.type.toLowerCase()}:${slug(text.slice(tokens[r.first]!.start, tokens[r.last]!.end))}` });
  }
  return out.sort((a, b) => a.start - b.start);
}

export const entitiesStage: Stage = {
  name: 'entities',
  run(doc: Doc) {
    doc.entities = findEntities(doc);
  },
};
