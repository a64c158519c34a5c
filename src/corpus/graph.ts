// The citation graph: outlets, speakers and media as nodes; "quotes",
// "cites", "republishes" and "translates" as edges, each with a count and the
// first and last dates it was seen. Built from plain rows of any store. An
// article whose origin notice names an outlet (or URL) with an article in the
// corpus is linked to it too: article nodes, and a "translates" edge when their
// languages differ ("Traduit de l'anglais … Source : Anti-Media"), else "republishes".
import type { AttributionRow, DocumentRow, EntityRow, NearDuplicateRow } from './store.js';
import { sourceKey as nameKey, outletKey } from './independence.js';
import { compact } from '../annotate/attributions/source-keys.js';
import { knowledgeBase } from '../kb/kb.js';
import { fold } from '../text/fold.js';
import { isRegistered, registeredLanguages } from '../lang/registry.js';
import { IDENTITY, type KeyCanon } from './source-keys.js';

/** The entity subtype of news media (lang/<code>/ entity lexicons): a medium that speaks is cited, not quoted. */
export const MEDIA_SUBTYPE = 'media';

export type NodeKind = 'outlet' | 'speaker' | 'media' | 'article';
export type EdgeKind = 'quotes' | 'cites' | 'republishes' | 'translates';

export interface GraphNode {
  id: string;
  kind: NodeKind;
  label: string;
  /** Documents published (outlets) or mentioning it as a source (speakers, media). */
  documents: number;
}

export interface GraphEdge {
  source: string;
  target: string;
  kind: EdgeKind;
  count: number;
  first: string | null;
  last: string | null;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

interface DocFacts {
  outlet: string | null;
  published: string | null;
  language: string;
  title: string | null;
  url: string | null;
}

export interface GraphInput {
  documents: AsyncIterable<DocumentRow>;
  attributions: AsyncIterable<AttributionRow>;
  /** Entities typed media (subtype "media"): names that are media when they speak. */
  media: AsyncIterable<EntityRow>;
  nearDuplicates: AsyncIterable<NearDuplicateRow>;
  /** Speakers' keys unified across the corpus (`actorCanon`, as `corpus sources` lists them); default: each article's keys. */
  canon?: KeyCanon;
}

/** A word that starts a name: a capital or a digit, also after an elided article (« l'Est », « d'Ivoire »). */
const NAME_START = /^(?:\p{Ll}{1,2}['’])?[\p{Lu}\p{N}]/u;
/** A short lower-case word between two name words: a connector inside the name (« du », « de », "of"). */
const CONNECTOR = /^\p{Ll}{1,3}$/u;

/**
 * The name a phrase ends with: its last capitalised word and, leftwards, the capitalised words and short connectors
 * before it (« le site Le Relais du Monde » → Le Relais du Monde, « l'agence Reuters » → Reuters); the whole phrase when
 * it ends in no name. Its last capitalised run alone (« Monde ») would make two outlets one node.
 */
function nameAtEnd(phrase: string): string {
  const words = phrase.trim().split(/\s+/);
  let first = words.length - 1;
  if (first < 0 || !NAME_START.test(words[first]!)) return phrase;
  while (first > 0) {
    if (NAME_START.test(words[first - 1]!)) first--;
    else if (first > 1 && CONNECTOR.test(words[first - 1]!) && NAME_START.test(words[first - 2]!)) first -= 2;
    else break;
  }
  return words.slice(first).join(' ');
}

/**
 * A name as the graph keys it: the knowledge base's key in the document's language, else in any other language's (an
 * English outlet named in a French article), else the letters of the name it ends with (« la Gazette du Nord » →
 * gazettedunord).
 */
function graphKey(name: string, language: string): string {
  const others = registeredLanguages().filter((l) => l !== language);
  const languages = isRegistered(language) ? [language, ...others] : others;
  for (const l of languages) {
    const k = outletKey(name, l);
    if (!k.startsWith('outlet:')) return k;
  }
  // Else its last run of capitalised words when it names a medium (« le site InfoWars »; not the town of a byline).
  const run = nameAtEnd(name);
  for (const l of languages) {
    const known = knowledgeBase(l).lookup(run);
    if (known?.subtype === MEDIA_SUBTYPE) return known.key;
  }
  return compact(run) || name;
}

/** A publisher's name as a node key: the whole name, folded (« Le Quotidien de l'Est » → le quotidien de l'est). */
function publisherKey(name: string): string {
  return fold(name).toLowerCase().replace(/\s+/g, ' ').trim();
}

export async function buildGraph(input: GraphInput): Promise<Graph> {
  const canon = input.canon ?? IDENTITY;
  // The same few thousand names come back in hundreds of thousands of attributions: key each once.
  const docs = new Map<string, DocFacts>();
  const keys = new Map<string, string>();
  /** A name as an actor key, as sources are keyed: the knowledge base's (« l'AFP » = « AFP », « Europe 1 »), else its letters without determiners. */
  const sourceKey = (name: string, documentId: string) => {
    const language = docs.get(documentId)?.language ?? '';
    const cacheKey = `${language}\u0000${name}`;
    let k = keys.get(cacheKey);
    if (k === undefined) keys.set(cacheKey, (k = graphKey(name, language)));
    return k;
  };
  const nodes = new Map<string, GraphNode & { docs: Set<string> }>();
  const edges = new Map<string, GraphEdge>();
  /** Names known to be media: outlets, declared origins, intermediaries, entities typed media. */
  const mediaKeys = new Set<string>();
  const outletLanguage = new Map<string, string>();

  /**
   * `key`: the actor key when the store has one (speakers: « M. Psaki » and « Jen Psaki » are one node). A publisher is
   * keyed by its whole name: its last capitalised words would make « Le Quotidien de l'Est » one node with « Le
   * Quotidien », and « Le Relais du Monde » one with any « Monde ».
   */
  const node = (kind: NodeKind, label: string, documentId: string, key?: string) => {
    const id = `${kind}:${key ?? (kind === 'media' ? sourceKey(label, documentId) : kind === 'outlet' ? publisherKey(label) : nameKey(label))}`;
    let n = nodes.get(id);
    if (!n) nodes.set(id, (n = { id, kind, label, documents: 0, docs: new Set() }));
    n.docs.add(documentId);
    return id;
  };
  const edge = (source: string, target: string, kind: EdgeKind, date: string | null) => {
    if (source === target) return;
    const k = `${source}\u0000${target}\u0000${kind}`;
    let e = edges.get(k);
    if (!e) edges.set(k, (e = { source, target, kind, count: 0, first: null, last: null }));
    e.count++;
    if (date && (!e.first || date < e.first)) e.first = date;
    if (date && (!e.last || date > e.last)) e.last = date;
  };

  const origins: { id: string; origin: string[] }[] = [];
  for await (const d of input.documents) {
    docs.set(d.id, { outlet: d.outlet, published: d.published, language: d.language, title: d.title, url: d.url });
    if (d.outlet) {
      node('outlet', d.outlet, d.id);
      const k = sourceKey(d.outlet, d.id);
      mediaKeys.add(k);
      if (!outletLanguage.has(k)) outletLanguage.set(k, d.language);
    }
    if (d.origin.length) origins.push({ id: d.id, origin: d.origin });
    for (const o of d.origin) mediaKeys.add(sourceKey(o, d.id));
  }
  for await (const e of input.media) mediaKeys.add(sourceKey(e.text, e.documentId));

  // Declared origins: republished, or translated when the origin publishes in another language.
  for (const { id, origin } of origins) {
    const d = docs.get(id)!;
    if (!d.outlet) continue;
    const from = node('outlet', d.outlet, id);
    for (const o of origin) {
      const lang = outletLanguage.get(sourceKey(o, id));
      const target = lang ? node('outlet', o, id) : node('media', o, id);
      edge(from, target, lang && lang !== d.language ? 'translates' : 'republishes', d.published);
    }
  }
  linkArticles(origins, docs, sourceKey, node, edge);
  for await (const n of input.nearDuplicates) {
    const copy = docs.get(n.documentId);
    const original = docs.get(n.duplicateOf);
    if (!copy?.outlet || !original?.outlet || sourceKey(copy.outlet, n.documentId) === sourceKey(original.outlet, n.duplicateOf)) continue;
    edge(node('outlet', copy.outlet, n.documentId), node('outlet', original.outlet, n.duplicateOf), 'republishes', copy.published);
  }
  for await (const a of input.attributions) {
    const d = docs.get(a.documentId);
    if (!d?.outlet) continue;
    const from = node('outlet', d.outlet, a.documentId);
    // An outlet's own reporting is no citation (« Mediapart ← Mediapart ← des documents », « a déclaré au Parisien » in
    // Le Parisien): the edge would loop from its outlet node to its media node.
    const own = sourceKey(d.outlet, a.documentId);
    for (const v of a.via) {
      const k = sourceKey(v, a.documentId);
      mediaKeys.add(k);
      if (k !== own) edge(from, node('media', v, a.documentId), 'cites', d.published);
    }
    const speaks = (name: string, key: string | null | undefined) => {
      const k = sourceKey(name, a.documentId);
      if (k === own) return;
      if (mediaKeys.has(k)) edge(from, node('media', name, a.documentId), 'cites', d.published);
      else edge(from, node('speaker', name, a.documentId, key ? canon(key) : undefined), 'quotes', d.published);
    };
    const speaker = a.sourceResolved ?? a.source;
    // An anonymous key is no actor whatever the attribution said (« les films »: a description scoped to its document).
    if (speaker && !a.anonymous && !a.sourceKey?.startsWith('anon:')) speaks(speaker, a.sourceKey);
    // « selon Mediapart et Le Monde »: each speaker coordinated with the source is quoted (or cited) too.
    for (const c of a.coSources) if (!c.key?.startsWith('anon:')) speaks(c.text, c.key);
  }
  return {
    nodes: [...nodes.values()].map(({ docs: ds, ...n }) => ({ ...n, documents: ds.size })),
    edges: [...edges.values()].sort((a, b) => b.count - a.count || a.source.localeCompare(b.source) || a.target.localeCompare(b.target)),
  };
}

/**
 * Article → article edges for declared origins: the corpus article at the origin's URL, else the latest article of
 * the origin outlet published on or before the copy (the copy's own date, when known, bounds it). One index of
 * articles by outlet key and URL: linear in the documents.
 */
function linkArticles(
  origins: { id: string; origin: string[] }[],
  docs: Map<string, DocFacts>,
  sourceKey: (name: string, documentId: string) => string,
  node: (kind: NodeKind, label: string, documentId: string, key?: string) => string,
  edge: (source: string, target: string, kind: EdgeKind, date: string | null) => void,
): void {
  if (origins.length === 0) return;
  const byOutlet = new Map<string, string[]>();
  const byUrl = new Map<string, string>();
  for (const [id, d] of docs) {
    if (d.url) byUrl.set(d.url.replace(/\/+$/, ''), id);
    if (!d.outlet) continue;
    const k = sourceKey(d.outlet, id);
    const list = byOutlet.get(k);
    if (list) list.push(id);
    else byOutlet.set(k, [id]);
  }
  // An article is its document: keyed by its id, not by its title.
  const article = (id: string) => node('article', `${docs.get(id)!.title ?? id} (${docs.get(id)!.outlet ?? '?'})`, id, id);
  for (const { id, origin } of origins) {
    const copy = docs.get(id)!;
    for (const o of origin) {
      let best = byUrl.get(o.replace(/\/+$/, '')) ?? null;
      if (!best) {
        for (const other of byOutlet.get(sourceKey(o, id)) ?? []) {
          const p = docs.get(other)!.published;
          if (other === id || (copy.published && p && p > copy.published)) continue;
          if (!best || (p ?? '') > (docs.get(best)!.published ?? '')) best = other;
        }
      }
      if (!best || best === id) continue;
      edge(article(id), article(best), docs.get(best)!.language !== copy.language ? 'translates' : 'republishes', copy.published);
    }
  }
}

/**
 * Text as an XML 1.0 attribute value: markup escaped, and every character XML 1.0 forbids (C0 controls
 * but tab and line breaks, lone surrogates, U+FFFE and U+FFFF) dropped, or the whole file is unreadable.
 */
export const xml = (s: string) =>
  s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(
      /[<>&"'\t\n\r]/g,
      (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' })[c]!,
    );

/** The graph as one JSON object ({nodes, edges}), a node or an edge per line. */
export function* graphJson(g: Graph): Generator<string> {
  yield '{\n"nodes": [';
  for (let i = 0; i < g.nodes.length; i++) yield (i ? ',\n' : '\n') + JSON.stringify(g.nodes[i]);
  yield '\n],\n"edges": [';
  for (let i = 0; i < g.edges.length; i++) yield (i ? ',\n' : '\n') + JSON.stringify(g.edges[i]);
  yield '\n]\n}\n';
}

/** GEXF 1.3 (Gephi's format): node kind and edge kind, count, dates as attributes; count as weight. */
export function* gexf(g: Graph): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n';
  yield '  <meta><creator>recoupe</creator><description>outlets, speakers, media and articles; quotes, cites, republishes, translates</description></meta>\n';
  yield '  <graph defaultedgetype="directed" mode="static">\n';
  yield '    <attributes class="node"><attribute id="kind" title="kind" type="string"/><attribute id="documents" title="documents" type="integer"/></attributes>\n';
  yield '    <attributes class="edge"><attribute id="kind" title="kind" type="string"/><attribute id="count" title="count" type="integer"/><attribute id="first" title="first" type="string"/><attribute id="last" title="last" type="string"/></attributes>\n';
  yield '    <nodes>\n';
  for (const n of g.nodes)
    yield `      <node id="${xml(n.id)}" label="${xml(n.label)}"><attvalues><attvalue for="kind" value="${n.kind}"/><attvalue for="documents" value="${n.documents}"/></attvalues></node>\n`;
  yield '    </nodes>\n    <edges>\n';
  let i = 0;
  for (const e of g.edges)
    yield `      <edge id="${i++}" source="${xml(e.source)}" target="${xml(e.target)}" label="${e.kind}" weight="${e.count}"><attvalues><attvalue for="kind" value="${e.kind}"/><attvalue for="count" value="${e.count}"/><attvalue for="first" value="${xml(e.first ?? '')}"/><attvalue for="last" value="${xml(e.last ?? '')}"/></attvalues></edge>\n`;
  yield '    </edges>\n  </graph>\n</gexf>\n';
}
