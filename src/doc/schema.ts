// The output contract of `recoupe analyze` (see docs/DESIGN.md, "recoupe/analysis@1").
// This zod schema is the single source of the TypeScript types and of the
// published JSON Schema (schema/analysis.schema.json, written by `npm run schema`).
// Fields may be added freely; renaming a required one needs a schema version bump.
import { z } from 'zod';
import { ROLES } from '../layout/types.js';

export const SCHEMA_ID = 'recoupe/analysis@1';

/** A stand-off span: [start, end) JavaScript string indices into the document `text`. */
export const Span = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Span = z.infer<typeof Span>;

export const InputFormat = z.enum(['text', 'markdown', 'html']);
export type InputFormat = z.infer<typeof InputFormat>;

export const Evidence = z.object({
  field: z.string().describe('metadata field this evidence supports'),
  rule: z.string().describe('rule or source that produced the value, e.g. "json-ld", "byline"'),
  text: z.string().describe('the input text the value was read from'),
});

export const Meta = z.object({
  title: z.string().nullable(),
  outlet: z.string().nullable().describe('the site that published this copy'),
  origin: z.array(z.string()).describe('outlets it says it was taken or translated from'),
  translatedFrom: z
    .string()
    .nullable()
    .optional()
    .describe('ISO 639-1 code of the language a translation notice names ("Traduit de l\'anglais"), "und" when it names none known'),
  authors: z.array(z.string()),
  published: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable()
    .describe('YYYY-MM-DD, only when the document supports it'),
  language: z.string().describe('ISO 639-1'),
  url: z.string().nullable().optional(),
  evidence: z.array(Evidence).optional().describe('where each metadata value came from'),
});
export type Meta = z.infer<typeof Meta>;

export const Removed = z.object({
  text: z.string(),
  reason: z.string().describe('navigation, disclaimer, caption, share, comments, …'),
  role: z.enum(ROLES).optional().describe("the block's role on the page (every removed block has one; only documents stored by older versions lack it)"),
  start: z.number().int().nonnegative().optional().describe('offset in the decoded input'),
  end: z.number().int().nonnegative().optional(),
});

export const Sentence = z.object({ start: z.number().int(), end: z.number().int() });

export const TokenKind = z.enum(['word', 'number', 'punct', 'symbol', 'url', 'email', 'link', 'other']);
export const Token = z.object({
  start: z.number().int(),
  end: z.number().int(),
  kind: TokenKind,
});
export type Token = z.infer<typeof Token>;

export const Quote = Span.extend({
  open: z.string().describe('the opening mark, e.g. « or “'),
  closed: z.boolean().describe('false when the closing mark is missing'),
  depth: z.number().int().nonnegative().describe('0 for outermost quotations'),
});
export type Quote = z.infer<typeof Quote>;

export const Link = Span.extend({ href: z.string() });

export const EntityType = z.enum(['PER', 'ORG', 'LOC', 'MISC', 'DATE', 'QUANTITY']);
/** Why a mention has its key: the evidence of the link (src/annotate/entities/link.ts). */
export const LinkRule = z
  .enum(['kb-curated', 'kb-country', 'kb-demonym', 'kb-city-large', 'kb-city-country', 'kb-domain', 'doc-surname', 'slug', 'slug-unsupported', 'pattern'])
  .describe(
    'evidence of the key: kb-curated (a name of a curated knowledge-base actor), kb-country / kb-demonym (a country name or demonym, whatever type the tagger gave it), kb-city-large (a city of a million inhabitants or more the tagger calls a place), kb-city-country (a city the tagger calls a place whose country, or another city of that country, the document names), kb-domain (the web address of a known outlet), doc-surname (a surname of a person the document names in full: the key of the full name), slug (no knowledge-base entry: a slug of the name, local to the name), slug-unsupported (the knowledge base knows the name, but the context does not support the link: type disagreement, a small city whose country the document never names), pattern (dates and quantities, keyed by their text)',
  );
export type LinkRule = z.infer<typeof LinkRule>;
export const Entity = Span.extend({
  type: EntityType,
  subtype: z.string().nullable(),
  key: z.string().describe('normalised id shared by all aliases'),
  rule: LinkRule.optional(),
  wikidata: z
    .string()
    .regex(/^Q\d+$/)
    .nullable()
    .optional()
    .describe(
      'the Wikidata id of the entity when the knowledge base links the mention and knows the id (curated actors; countries and cities in kb/wikidata.tsv); null otherwise',
    ),
});
export type Entity = z.infer<typeof Entity>;

export const AttributionKind = z.enum(['direct', 'indirect', 'mixed', 'according']);
export const Source = Span.extend({
  resolved: z.string().nullable().describe('the named speaker behind a pronoun, surname, title or role; null when unknown'),
  anonymous: z.boolean().describe('true when the speaker cannot be pinned to a named person, body, outlet or document'),
  description: Span.nullable().optional().describe('the role given to the speaker ("le chef du Conseil provincial")'),
  office: z
    .string()
    .optional()
    .describe(
      'the office the speaker holds in a body, from the description or the role phrase the name was resolved from ("le ministre de la Défense" → role:ministre@defense), one office under all its names (lang/<xx>/offices.json: "le garde des Sceaux" = "le ministre de la Justice")',
    ),
  key: z
    .string()
    .nullable()
    .optional()
    .describe(
      'the actor behind the source, shared by all its names: an entity key (per:…, an outlet or country key), role:<office>@<body>, anon:<document>:<what> for anonymous sources; null for a pronoun with no referent',
    ),
});
export const Via = Span.extend({
  key: z.string().nullable().optional().describe('the intermediary as an actor (an outlet, agency or person key, as for sources)'),
});
/** A speaker coordinated with the source (« selon Mediapart et Le Monde »: Le Monde). */
export const CoSource = Span.extend({
  key: z.string().nullable().describe('the co-speaker as an actor, keyed as sources are'),
  rule: z.string().describe('the construction that found it: coordination'),
});
export type CoSource = z.infer<typeof CoSource>;
export const Attribution = z.object({
  cue: Span.nullable(),
  source: Source.nullable(),
  coSources: z
    .array(CoSource)
    .optional()
    .describe(
      'the other named speakers coordinated with the source by the language\'s "and" (« selon Mediapart et Le Monde », "X and Y said"): each one an upstream source of its own; the source is the first of them',
    ),
  content: Span,
  kind: AttributionKind,
  via: z.array(Via),
  hedged: z.boolean(),
  parent: z.number().int().nullable().describe('index of the attribution whose content contains this one'),
  hedges: z.array(Span).optional().describe('the words that make it hedged (conditional, "présumé", a conditional cue)'),
  negated: z.boolean().optional().describe('the cue is negated ("n\'a pas confirmé que")'),
  question: z.boolean().optional().describe('the content is a question ("a-t-il demandé", ending in "?")'),
  rule: z.string().optional().describe('the construction that found it: que, incise, colon, infinitive, object, passive, according, continuation'),
});
export type Attribution = z.infer<typeof Attribution>;

export const Proposition = z.object({
  predicate: z.array(z.string()).describe("stems of the clause's content verbs"),
  figures: z.array(z.string()).describe('figures with their unit: "12 mort", "400000000 euro", "3.5 %"'),
  subject: z.array(z.string()).describe('entity keys named before the predicate'),
  arguments: z.array(z.string()).describe('entity keys named after it'),
  time: z.array(z.string()).describe('date entity keys of the clause'),
  refersTo: z
    .object({
      start: z.number().int(),
      end: z.number().int(),
      text: z.string().describe('the anaphoric noun phrase of the claim ("cette opération", "the attack")'),
      claim: z.number().int().describe('index (in `claims`) of the earlier claim naming the event it points back to'),
      predicate: z.array(z.string()).describe("that claim's predicate stems"),
      keys: z.array(z.string()).describe("that claim's entity keys (subject and arguments), also added to this claim's subject or arguments"),
    })
    .optional()
    .describe('the event or thing an anaphoric noun phrase names, when the claim names no entity of its own'),
});
export type Proposition = z.infer<typeof Proposition>;
export const Claim = Span.extend({
  attribution: z.number().int().nullable().describe("index of the attribution it comes from; null = the outlet's own voice"),
  hedged: z.boolean(),
  negated: z.boolean().optional().describe('the clause is negated'),
  denied: z
    .boolean()
    .optional()
    .describe(
      'present and true when its speaker denies it (a cue of denial: « dément avoir reçu … », "denied that …"): the speaker asserts the opposite of its text',
    ),
  question: z.boolean().optional().describe('the clause is a question'),
  proposition: Proposition.optional().describe('the claim as a proposition: what cross-document matching compares'),
});
export type Claim = z.infer<typeof Claim>;

export const Message = z.object({
  rule: z.string(),
  message: z.string(),
  start: z.number().int().nullable().optional(),
  end: z.number().int().nullable().optional(),
});
export type Message = z.infer<typeof Message>;

// ── Provenance (ingest from the web and archives) ──
export const Provenance = z.object({
  via: z.enum(['file', 'stdin', 'jsonl', 'url', 'url-list', 'feed', 'sitemap', 'warc']).describe('how the document arrived'),
  from: z.string().optional().describe('the URL list, feed, sitemap or WARC file that listed it'),
  url: z.string().optional().describe('the URL asked for (a WARC record: its target URI)'),
  finalUrl: z.string().optional().describe('the URL that answered after redirects: the canonical one'),
  status: z.number().int().optional().describe('HTTP status of the final response'),
  fetched: z.string().optional().describe('ISO 8601 time the response was received (a WARC record: its WARC-Date)'),
  redirects: z
    .array(z.object({ url: z.string(), status: z.number().int() }))
    .optional()
    .describe('each redirect followed, in order'),
  cache: z.enum(['miss', 'fresh', 'revalidated']).optional().describe('downloaded now, served from the HTTP cache, or revalidated (304)'),
  warc: z
    .object({
      recordId: z.string().nullable().describe('WARC-Record-ID'),
      offset: z.number().int().nonnegative().optional().describe('byte offset of the record (uncompressed .warc files only)'),
    })
    .optional()
    .describe('the WARC record'),
});
export type Provenance = z.infer<typeof Provenance>;
// ── end provenance ──

export const Analysis = z.object({
  schema: z.literal(SCHEMA_ID),
  id: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe('sha256 of the clean text, hex'),
  input: z.object({
    path: z.string().nullable(),
    format: InputFormat,
    line: z.number().int().positive().optional().describe('line number for JSONL inputs'),
    encoding: z.string().optional().describe('the charset the bytes were decoded from'),
  }),
  meta: Meta,
  text: z.string(),
  removed: z.array(Removed),
  sentences: z.array(Sentence),
  tokens: z.array(Token).optional().describe("written only when asked: `recoupe analyze --layers +tokens` (the library's analyze() always returns them)"),
  quotes: z.array(Quote).optional(),
  links: z.array(Link).optional(),
  entities: z.array(Entity),
  attributions: z.array(Attribution),
  claims: z.array(Claim),
  notes: z.array(Message).optional().describe('positioned messages from the stages (repairs, warnings)'),
  provenance: Provenance.optional().describe('how and when the input arrived'),
});
export type Analysis = z.infer<typeof Analysis>;
