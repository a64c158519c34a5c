// P/R/F1 of the attributions layer against hand-made gold records
// (default ../shared/gold/attributions.json, the seeds), by the gold's own
// matching rule (eval/score-attributions.ts). Each document is analysed like
// `recoupe analyze --raw`.
//
//   npm run eval:attributions [-- --gold FILE] [--seeds DIR] [--jsonl FILE] [--verbose] [--errors]
//   npm run eval:attributions -- --gold eval/gold/orangesum-attributions.json   (held-out OrangeSum gold)
//
// A record's `doc` names its text: the prefix of a file in --seeds (seed ids
// "000", "002", "004"), else a 1-based line number or an `id` of --jsonl
// (OrangeSum-style rows with a `text` or `body` field). A gold file that stores
// offsets instead of text (`docs` with sha256, records with `content_span`, as
// eval/gold/orangesum-attributions.json) is read with its own loader.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/pipeline/analyze.js';
import { SHARED } from '../test/helpers/shared.js';
import { contentMatches, matches, scoreAttributions, speakerMatches, words, type GoldRecord, type PredictedAttribution } from './score-attributions.js';
import { loadOrangesumGold } from './gold/orangesum.js';
import { loadStoryDocs, type StoryDoc } from './gold/stories.js';
import { isGenresGold, loadGenresGold } from './gold/genres.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

function fail(msg: string): never {
  console.error(`eval:attributions: ${msg}`);
  process.exit(2);
}

const goldPath = arg('--gold', join(SHARED, 'gold', 'attributions.json'));
const seedsDir = arg('--seeds', join(SHARED, 'seeds'));
const jsonlPath = arg('--jsonl', join(SHARED, 'datasets', 'orangesum', 'orangesum_sample2000.jsonl'));
const verbose = process.argv.includes('--verbose');
/** --errors: each error with its category (wrong speaker, content span, missed, spurious), counted per category. */
const errors = process.argv.includes('--errors');
if (!existsSync(goldPath)) fail(`no gold file at ${goldPath}`);
// Held-out gold is never studied: only its totals are printed.
if (errors && /heldout|orangesum-attributions\.json$/.test(goldPath)) fail('--errors is for DEV gold only (held-out sets print totals only)');

let records: GoldRecord[];
/** Texts by doc id when the gold file carries references to them (offset-based gold). */
const known = new Map<string, string>();
/** Documents scored even without a record (the genres gold: a page where nobody is quoted tests precision). */
const alsoScored: string[] = [];
try {
  const raw = JSON.parse(readFileSync(goldPath, 'utf8')) as { records?: (GoldRecord & { content_span?: unknown })[]; docs?: unknown[] } | GoldRecord[];
  if (!Array.isArray(raw) && isGenresGold(raw)) {
    // Other genres (eval/gold/genres-attributions-*.json): every document is scored, even one without records.
    const gold = loadGenresGold(goldPath);
    for (const [id, text] of gold.docs) known.set(id, text);
    alsoScored.push(...gold.docs.keys());
    records = gold.records;
  } else if (!Array.isArray(raw) && raw.docs && raw.records?.some((r) => r.content_span)) {
    const gold = loadOrangesumGold(goldPath);
    for (const d of gold.docs) known.set(d.id, d.text);
    records = gold.records;
  } else if (!Array.isArray(raw) && raw.docs) {
    // Snippet records over texts given in the file or by CoNLL-2003 story (eval/gold/en-attributions-*.json).
    for (const [id, text] of loadStoryDocs(raw.docs as StoryDoc[])) known.set(id, text);
    records = raw.records ?? [];
  } else records = Array.isArray(raw) ? raw : (raw.records ?? []);
} catch (e) {
  fail(`${goldPath}: ${(e as Error).message}`);
}
if (records.length === 0) fail(`${goldPath}: no records`);

/** Texts by doc id, read only for the documents the gold names. */
function textOf(doc: string, rows: () => { id?: string; text?: string; body?: string }[]): string | null {
  if (known.has(doc)) return known.get(doc)!;
  if (existsSync(seedsDir)) {
    const f = readdirSync(seedsDir).find((n) => n.startsWith(`${doc}_`) || n === doc || n.startsWith(`${doc}.`));
    if (f) return readFileSync(join(seedsDir, f), 'utf8');
  }
  const all = rows();
  const row = /^\d+$/.test(doc) && !doc.startsWith('0') ? all[Number(doc) - 1] : all.find((r) => r.id === doc);
  return row ? (row.text ?? row.body ?? null) : null;
}

let cache: { id?: string; text?: string; body?: string }[] | null = null;
const rows = () =>
  (cache ??= existsSync(jsonlPath)
    ? readFileSync(jsonlPath, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    : []);

const predictions: Record<string, PredictedAttribution[]> = {};
for (const doc of new Set([...records.map((r) => r.doc), ...alsoScored])) {
  const text = textOf(doc, rows);
  if (text === null) fail(`no text for doc "${doc}" (looked in ${seedsDir} and ${jsonlPath})`);
  predictions[doc] = analyze({ text, path: doc }, { raw: true }).attributions;
}

const s = scoreAttributions(records, predictions);
const pct = (x: number) => (100 * x).toFixed(1);
console.log(`gold: ${goldPath} (${records.length} records, ${s.required} required, ${Object.keys(predictions).length} documents)`);
console.log(`predictions: ${s.predictions}, matching: ${s.tp}; required recalled: ${s.recalled}/${s.required}`);
console.log(`P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}`);
// Hedging agreement over the required records some prediction matches (the first matching prediction decides).
let hedgeAgree = 0;
let hedgeSeen = 0;
let hedgedAgree = 0;
let hedgedSeen = 0;
for (const r of records) {
  if (r.optional) continue;
  const p = (predictions[r.doc] ?? []).find((x) => matches(r, x)) as (PredictedAttribution & { hedged?: boolean }) | undefined;
  if (!p) continue;
  const agree = (p.hedged ?? false) === (r.hedged ?? false);
  hedgeSeen++;
  if (agree) hedgeAgree++;
  if (r.hedged) {
    hedgedSeen++;
    if (agree) hedgedAgree++;
  }
}
console.log(`hedging agrees on ${hedgeAgree}/${hedgeSeen} matched required records (${hedgedAgree}/${hedgedSeen} of the hedged ones)`);
if (verbose) {
  for (const r of s.missed) console.log(`MISS [${r.doc}] ${r.cue} | ${r.source.join(' / ')} | ${r.content}`);
  for (const { doc, prediction: p } of s.spurious)
    console.log(`SPURIOUS [${doc}] ${p.cue?.text ?? '—'} | ${p.source?.text ?? '—'} (${p.source?.resolved ?? ''}) | ${p.content.text.slice(0, 120)}`);
}
if (errors) {
  // A missed record and a spurious prediction of its document are one error when only one half fails:
  // the content is right and the speaker wrong ("speaker"), or the speaker right and the content span off ("span").
  const counts = new Map<string, number>();
  const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
  const used = new Set<PredictedAttribution>();
  for (const r of s.missed) {
    const spur = s.spurious.filter((x) => x.doc === r.doc && !used.has(x.prediction)).map((x) => x.prediction);
    const sameContent = spur.find((p) => contentMatches(r.content, p.content.text));
    const sameSpeaker = spur.find((p) => speakerMatches(r.source, p.source) && words(p.content.text).some((w) => words(r.content).includes(w)));
    const p = sameContent ?? sameSpeaker;
    const cat = sameContent ? 'speaker' : sameSpeaker ? 'span' : 'missed';
    if (p) used.add(p);
    bump(cat);
    const got = p ? ` => ${p.cue?.text ?? '—'} | ${p.source?.text ?? '—'} (${p.source?.resolved ?? ''}) | ${p.content.text.slice(0, 100)}` : '';
    console.log(`${cat.toUpperCase()} [${r.doc}] ${r.cue} | ${r.source.join(' / ')} | ${r.content.slice(0, 140)}${got}`);
  }
  for (const { doc, prediction: p } of s.spurious) {
    if (used.has(p)) continue;
    bump('spurious');
    console.log(`SPURIOUS [${doc}] ${p.cue?.text ?? '—'} | ${p.source?.text ?? '—'} (${p.source?.resolved ?? ''}) | ${p.content.text.slice(0, 120)}`);
  }
  console.log(`errors by category: ${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')}`);
}
