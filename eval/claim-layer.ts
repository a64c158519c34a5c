// eval:claim-layer — what the claim LAYER gives the gold mentions of the claim gold (issue 13), without a corpus:
// the gold documents alone are analysed (`recoupe analyze`, as `corpus add` analyses them), turned into claim rows
// (src/corpus/claim-features.ts, titles included) and matched among themselves (src/corpus/claim-groups.ts). Printed:
// per gold mention, whether a claim of its document locates it and with which proposition (no claim; no predicate;
// no subject nor argument); per gold pair, whether the pair judge joins their two claims. It is a quick proxy of
// `eval:claims` (no distractors, so its precision is higher) for work on the claim layer: a change to
// src/annotate/claims or src/annotate/propositions.ts is measured here in seconds, then with `eval:claims`.
//
//   npm run eval:claim-layer [-- --gold eval/gold/claims-heldout.json] [--verbose] [--analyses FILE]
//
// --analyses FILE keeps the analyses (JSONL) in FILE, or reads them from it when it exists: for changes to claim
// rows and grouping only (src/corpus), which run here from src/, the analysis from dist/ need not be redone.
//
// Needs ../shared (skips cleanly without it) and a built dist/ (`npm run build`). The held-out gold gives totals only.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Analysis } from '../src/doc/schema.js';
import { claimRows, isTitleClaim } from '../src/corpus/claim-features.js';
import { claimTable } from '../src/corpus/claim-table.js';
import { Matcher, matchClaims, PairJudge, type PairFeatures } from '../src/corpus/claim-groups.js';
import { loadPairModel } from '../src/corpus/claim-pair-model.js';
import type { ClaimWithDocument } from '../src/corpus/store.js';
import { CLAIMS_DEV_GOLD, SEEDS_DIR, goldForScoring, hasClaimSources, materialiseDocs, readClaimGold, scanOrangesum } from './gold/claims.js';
import { locate, scoreClaims, tokens, type GoldMention, type SystemGroup } from './score-claims.js';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin', 'recoupe.js');
const { values } = parseArgs({
  options: { gold: { type: 'string', default: CLAIMS_DEV_GOLD }, verbose: { type: 'boolean', default: false }, analyses: { type: 'string' } },
});

if (!hasClaimSources) {
  console.log('eval:claim-layer skipped: ../shared (seeds and the OrangeSum dataset) is not present');
  process.exit(0);
}
if (!existsSync(join(ROOT, 'dist', 'cli'))) {
  process.stderr.write('eval:claim-layer: dist/ is missing: run `npm run build` first\n');
  process.exit(2);
}
const gold = readClaimGold(resolve(values.gold!));
const heldOut = gold.split === 'heldout';
if (heldOut && values.verbose) {
  process.stderr.write('eval:claim-layer: --verbose lists gold mentions; the held-out gold is report only\n');
  process.exit(2);
}
const lines = new Set(gold.documents.flatMap((d) => (d.line ? [d.line] : [])));
const docs = materialiseDocs(gold, await scanOrangesum(lines));

// The gold documents as `eval:claims` stores them: OrangeSum rows in one JSONL, the seeds as their own files.
const dir = mkdtempSync(join(tmpdir(), 'recoupe-claim-layer-'));
const order: string[] = [];
const rows: string[] = [];
for (const d of docs.values()) {
  if (d.source !== 'orangesum') continue;
  const r = d.row!;
  order.push(d.id);
  rows.push(
    JSON.stringify({ id: r.id, url: r.url, title: r.title, body: r.body, site: r.site, published: r.published_time ?? r.date, language: r.lang ?? 'fr' }),
  );
}
writeFileSync(join(dir, 'articles.jsonl'), `${rows.join('\n')}\n`);
const seeds: string[] = [];
for (const d of docs.values()) {
  if (d.source !== 'seed') continue;
  copyFileSync(join(SEEDS_DIR, d.file!), join(dir, d.file!));
  seeds.push(join(dir, d.file!));
  order.push(d.id);
}
let output: string;
if (values.analyses && existsSync(values.analyses)) output = readFileSync(values.analyses, 'utf8');
else {
  const r = spawnSync(process.execPath, [CLI, 'analyze', join(dir, 'articles.jsonl'), ...seeds, '--format', 'jsonl'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) {
    process.stderr.write(`eval:claim-layer: analyze exited ${r.status}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}\n`);
    process.exit(2);
  }
  output = r.stdout;
  if (values.analyses) writeFileSync(values.analyses, output);
}
rmSync(dir, { recursive: true, force: true });
const analyses = output
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Analysis);
if (analyses.length !== order.length) {
  process.stderr.write(`eval:claim-layer: ${analyses.length} analyses for ${order.length} documents\n`);
  process.exit(2);
}

// Claim rows of every gold document, as the store would hold them.
const all: ClaimWithDocument[] = [];
const goldDocOf = new Map<string, string>();
analyses.forEach((a, i) => {
  goldDocOf.set(a.id, order[i]!);
  for (const row of claimRows(a))
    all.push({ ...row, inputPath: null, outlet: a.meta.outlet, published: a.meta.published, language: a.meta.language, origin: a.meta.origin ?? [] });
});
const t = await claimTable(all.map((c) => ({ ...c, title: isTitleClaim(c) })));
const groups: SystemGroup[] = matchClaims(t).map((g) => ({
  id: g.id,
  verdict: 'undetermined',
  claims: g.claims.map((c) => ({ doc: goldDocOf.get(all[c]!.documentId)!, text: all[c]!.text })),
}));
const { clusters, mentions } = goldForScoring(gold, docs);
const s = scoreClaims(clusters, mentions, groups);

// Each gold mention located among its document's claims (title claims included).
const byDoc = new Map<string, number[]>();
all.forEach((c, i) => {
  const d = goldDocOf.get(c.documentId)!;
  let l = byDoc.get(d);
  if (!l) byDoc.set(d, (l = []));
  l.push(i);
});
const located = new Map<string, number>();
for (const m of mentions) {
  const l = byDoc.get(m.doc) ?? [];
  const k = locate(
    m.text,
    l.map((i) => all[i]!),
  );
  if (k >= 0) located.set(m.key, l[k]!);
}

/** A located claim this many times as long as its mention (in tokens) or more holds much else: cut too wide. */
const TOO_WIDE = 2;

/** What the layer gives a mention: its category of miss, or 'ok'. */
function category(m: GoldMention): string {
  const c = located.get(m.key);
  if (c === undefined) return 'no claim';
  if (tokens(all[c]!.text).length >= TOO_WIDE * tokens(m.text).length) return 'claim too wide';
  const p = all[c]!.proposition;
  if (!p || p.predicate.length === 0) return 'no predicate';
  if (p.subject.length === 0 && p.arguments.length === 0) return 'no subject nor argument';
  if (p.subject.length === 0) return 'no subject';
  return 'ok';
}
const counts = new Map<string, number>();
const titleOf = new Set(gold.stories.flatMap((st) => st.clusters.flatMap((c) => c.mentions.flatMap((m, i) => (m.field === 'title' ? [`${c.id}#${i}`] : [])))));
for (const m of mentions) {
  const k = `${category(m)}${titleOf.has(m.key) ? ' (title)' : ''}`;
  counts.set(k, (counts.get(k) ?? 0) + 1);
}

// Gold pairs: does the judge join the two located claims?
const matcher = new Matcher(t);
const judge = new PairJudge(loadPairModel());
const row = new Map<string, number>();
for (let c = 0; c < t.count; c++) row.set(`${t.documentIds[t.document[c]!]}#${t.index[c]}`, c);
const tableIndex = (c: number) => row.get(`${all[c]!.documentId}#${all[c]!.index}`)!;
let goldPairs = 0;
let unlocatedPairs = 0;
let judgedApart = 0;
const apart: [GoldMention, GoldMention, string][] = [];
const why = new Map<string, PairFeatures>();
const whatIf = { subject: 0, verb: 0, both: 0 };
const byCluster = new Map<string, GoldMention[]>();
for (const m of mentions) byCluster.set(m.cluster, [...(byCluster.get(m.cluster) ?? []), m]);
for (const ms of byCluster.values())
  for (let i = 0; i < ms.length; i++)
    for (let j = i + 1; j < ms.length; j++) {
      goldPairs++;
      const a = located.get(ms[i]!.key);
      const b = located.get(ms[j]!.key);
      if (a === undefined || b === undefined) {
        unlocatedPairs++;
        continue;
      }
      if (a === b) continue;
      const [x, y] = [tableIndex(a), tableIndex(b)];
      const f = matcher.compare(Math.min(x, y), Math.max(x, y));
      if (judge.strength(f) >= 0) continue;
      judgedApart++;
      why.set(`${ms[i]!.key} ${ms[j]!.key}`, f);
      const sameSubject = { subject: { same: true, peopleDiffer: false } };
      const sameVerb = { sharedVerb: true, verbs: Math.max(f.verbs, 0.5) };
      // Which of the what-ifs would join the pair: printed with it by --verbose.
      const joinsIf = [
        judge.strength({ ...f, ...sameSubject }) >= 0 ? 'subject' : '',
        judge.strength({ ...f, ...sameVerb }) >= 0 ? 'verb' : '',
        judge.strength({ ...f, ...sameVerb, ...sameSubject }) >= 0 ? 'both' : '',
      ].filter(Boolean);
      if (joinsIf.includes('subject')) whatIf.subject++;
      if (joinsIf.includes('verb')) whatIf.verb++;
      if (joinsIf.includes('both')) whatIf.both++;
      apart.push([ms[i]!, ms[j]!, joinsIf.length ? ` joins-if ${joinsIf.join(',')}` : '']);
    }

const pct = (x: number) => (100 * x).toFixed(1);
console.log(
  `eval:claim-layer — gold ${relative(ROOT, resolve(values.gold!))} (${gold.split}): ${docs.size} documents alone (no distractors), ${all.length} claims`,
);
console.log(
  `grouping among the gold documents only: P ${pct(s.pairs.precision)}  R ${pct(s.pairs.recall)}  F1 ${pct(s.pairs.f1)}  (tp ${s.pairs.tp}, predicted ${s.pairs.predicted}, gold ${s.pairs.gold})`,
);
console.log(`gold mentions (${mentions.length}) by what the claim layer gives them:`);
for (const [k, n] of [...counts].sort((x, y) => y[1] - x[1])) console.log(`  ${k.padEnd(34)} ${n}`);
console.log(`gold pairs ${goldPairs}: ${unlocatedPairs} with a mention located by no claim, ${judgedApart} whose two claims the pair judge keeps apart`);

// What the layer could still give: gold pairs kept apart that the judge would join were their subjects one (a pronoun,
// a description or a relative resolved), were their predicates one (a paraphrase the classes miss), or both.
console.log(
  `of those, the judge would join ${whatIf.subject} were their subjects the same, ${whatIf.verb} were their predicates the same, ${whatIf.both} were both`,
);
if (values.verbose) {
  const show = (m: GoldMention) => {
    const c = located.get(m.key);
    const p = c === undefined ? null : all[c]!.proposition;
    const prop = p ? `pred [${p.predicate.join(' ')}] subj [${p.subject.join(' ')}] args [${p.arguments.join(' ')}] fig [${p.figures.join(' ')}]` : '';
    return `${m.key} ${m.doc}${titleOf.has(m.key) ? ' TITLE' : ''}: ${m.text.slice(0, 110)}\n      claim: ${c === undefined ? '—' : all[c]!.text.slice(0, 110)}\n      ${prop}`;
  };
  for (const m of mentions) if (category(m) !== 'ok') console.log(`${category(m).toUpperCase()} ${show(m)}`);
  for (const [a, b, joinsIf] of apart) {
    const f = why.get(`${a.key} ${b.key}`)!;
    const r = (x: number) => Math.round(x * 100) / 100;
    const features = `verb ${f.sharedVerb} subject ${f.subject.same} entities ${f.entities.common}/${r(f.entities.containment)} words ${r(f.words.shared)}/${r(f.words.containment)}${f.near ? '' : ' far'}${f.figuresDisagree ? ' figures-disagree' : ''}${f.modalDiffer ? ' modal-differ' : ''}${f.negation ? ' negation' : ''}`;
    console.log(`APART (${features})${joinsIf}\n  ${show(a)}\n  ${show(b)}`);
  }
}
