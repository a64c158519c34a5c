// eval:claims — the cross-document claim evaluation of issue 13, run as a user
// runs the product: the gold documents plus N unrelated 2018 OrangeSum articles
// (distractors) are written to a temporary JSONL (the seeds as their own files),
// stored with the built CLI (`recoupe corpus add`), grouped with
// `recoupe corpus claims --format jsonl`, and scored (eval/score-claims.ts):
// pairwise P/R/F1 over gold mentions, false "independent" verdicts, verdict
// confusion, gold mentions in no group, wall time of `corpus claims`; and the
// verdicts with an oracle grouping (each gold cluster's mentions, as the claims
// the pipeline found for them, judged as one group by src/corpus/independence.ts).
//
//   npm run eval:claims [-- --gold eval/gold/claims-heldout.json] [--distractors N] [--jobs N] [--keep] [--verbose] [--json FILE]
//   npm run eval:claims -- --reuse DIR   (a directory kept by --keep with the same gold and distractors: skips
//                                         `corpus add`, for changes to grouping and verdicts only, which run in `corpus claims`)
//
// Needs ../shared (skips cleanly without it) and a built dist/ (`npm run build`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import {
  CLAIMS_DEV_GOLD,
  SEEDS_DIR,
  allGoldLines,
  checkGoldStructure,
  checkMentions,
  goldForScoring,
  hasClaimSources,
  materialiseDocs,
  readClaimGold,
  scanOrangesum,
  sha256,
  type DocText,
} from './gold/claims.js';
import { locate, normaliseVerdict, oracleScore, scoreClaims, textMatches, tokens, VERDICTS, type SystemGroup } from './score-claims.js';
import { explainMisses, renderMisses, type LocatedClaim } from './claim-misses.js';
import { claimTable } from '../src/corpus/claim-table.js';
import { PairJudge } from '../src/corpus/claim-groups.js';
import { loadPairModel } from '../src/corpus/claim-pair-model.js';
import { openStore } from '../src/corpus/open.js';
import { verdictsOf, type Independence } from '../src/corpus/independence.js';
import type { ClaimKey } from '../src/corpus/store.js';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin', 'recoupe.js');

const { values } = parseArgs({
  options: {
    gold: { type: 'string', default: CLAIMS_DEV_GOLD },
    distractors: { type: 'string', default: '300' },
    jobs: { type: 'string', default: '2' },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    json: { type: 'string' },
    reuse: { type: 'string' },
  },
});

function fail(msg: string): never {
  process.stderr.write(`eval:claims: ${msg}\n`);
  process.exit(2);
}

const nDistractors = Number(values.distractors);
if (!Number.isInteger(nDistractors) || nDistractors < 0) fail('--distractors must be a non-negative integer');
if (!hasClaimSources) {
  console.log('eval:claims skipped: ../shared (seeds and the OrangeSum dataset) is not present');
  process.exit(0);
}
if (!existsSync(join(ROOT, 'dist', 'cli'))) fail('dist/ is missing: run `npm run build` first');
if (newestMtime(join(ROOT, 'src')) > newestMtime(join(ROOT, 'dist')))
  process.stderr.write('eval:claims: warning: src/ is newer than dist/ (run `npm run build` to evaluate the current code)\n');

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    t = Math.max(t, statSync(join(e.parentPath, e.name)).mtimeMs);
  }
  return t;
}

/** The wire or original outlet an OrangeSum row says it carries (« Orange avec AFP » → AFP, « Source BFMTV » → BFMTV); null for Orange's own. */
function agencyOrigin(agency: unknown): string | null {
  if (typeof agency !== 'string') return null;
  const a = agency
    .replace(/^\s*(orange\s+avec|source|texte)\s+/i, '')
    .replace(/,.*$/, '')
    .trim();
  if (!a || /^orange\b/i.test(a)) return null;
  return a;
}

/** Longer words of a text, a final s dropped (for keeping same-story articles out of the distractors). */
const storyWords = (t: unknown) =>
  new Set(
    tokens(String(t ?? ''))
      .filter((w) => w.length >= 5)
      .map((w) => w.replace(/s$/, '')),
  );
const shared = (a: Set<string>, b: Set<string>) => [...a].filter((w) => b.has(w)).length;

if (!existsSync(resolve(values.gold!))) fail(`no gold file ${values.gold}`);
let gold: ReturnType<typeof readClaimGold>;
try {
  gold = readClaimGold(resolve(values.gold!));
} catch (e) {
  fail(`${values.gold} is not a claim gold file: ${(e as Error).message}`);
}
// Held-out gold is report only: never list its mentions (whoever tunes the grouping must not see them).
if (gold.split === 'heldout' && values.verbose) fail('--verbose lists the gold mentions; the held-out gold is report only (use it on DEV)');
const structural = checkGoldStructure(gold);
if (structural.length) fail(`gold ${values.gold} is malformed:\n  ${structural.join('\n  ')}`);

const goldLines = new Set(gold.documents.flatMap((d) => (d.line ? [d.line] : [])));
const avoid = allGoldLines();
const candidates: { line: number; row: Record<string, unknown>; rank: string }[] = [];
const rows = await scanOrangesum(goldLines, (line, row) => {
  if (!avoid.has(line)) candidates.push({ line, row, rank: sha256(`claims-distractor:${String(row.id)}`) });
});
const docs = materialiseDocs(gold, rows);
const mentionProblems = checkMentions(gold, docs);
if (mentionProblems.length) fail(`gold mentions do not match their texts:\n  ${mentionProblems.join('\n  ')}`);

// Distractors: a fixed pseudo-random draw of 2018 articles, none from a gold story: no article published within 7
// days of a gold article that shares two longer words of its title, or four of its title and abstract.
const goldStories = [...docs.values()]
  .filter((d) => d.row)
  .map((d) => ({ date: Date.parse(String(d.row!.date)), title: storyWords(d.title), lead: storyWords(`${d.title ?? ''} ${String(d.row!.abstract ?? '')}`) }));
const sameStory = (row: Record<string, unknown>) => {
  const date = Date.parse(String(row.date));
  const title = storyWords(row.title);
  const lead = storyWords(`${String(row.title ?? '')} ${String(row.abstract ?? '')}`);
  return goldStories.some((g) => Math.abs(g.date - date) <= 7 * 86400e3 && (shared(g.title, title) >= 2 || shared(g.lead, lead) >= 4));
};
candidates.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
const distractors: DocText[] = [];
for (const c of candidates) {
  if (distractors.length >= nDistractors) break;
  if (sameStory(c.row)) continue;
  distractors.push({
    id: String(c.row.id),
    source: 'orangesum',
    line: c.line,
    row: c.row,
    body: String(c.row.body ?? ''),
    title: typeof c.row.title === 'string' ? c.row.title : null,
  });
}

// The corpus as a user would feed it: one JSONL of articles, the seeds as files.
const dir = values.reuse ? resolve(values.reuse) : mkdtempSync(join(tmpdir(), 'recoupe-eval-claims-'));
if (values.reuse && !existsSync(join(dir, 'corpus.sqlite'))) fail(`--reuse ${values.reuse}: no corpus.sqlite there (make one with --keep)`);
if (values.reuse) rmSync(join(dir, 'seeds'), { recursive: true, force: true });
const jsonl = join(dir, 'articles.jsonl');
const seedDir = join(dir, 'seeds');
mkdirSync(seedDir);
const articles = [...[...docs.values()].filter((d) => d.source === 'orangesum'), ...distractors].sort((a, b) => (sha256(a.id) < sha256(b.id) ? -1 : 1));
const byLine = new Map<number, string>();
writeFileSync(
  jsonl,
  articles
    .map((d, i) => {
      byLine.set(i + 1, d.id);
      const r = d.row!;
      const origin = agencyOrigin(r.source_agency);
      return JSON.stringify({
        id: r.id,
        url: r.url,
        title: r.title,
        body: r.body,
        site: r.site,
        published: r.published_time ?? r.date,
        language: r.lang ?? 'fr',
        origin: origin ? [origin] : [],
        source_agency: r.source_agency,
      });
    })
    .join('\n') + '\n',
);
const seedByFile = new Map<string, string>();
for (const d of docs.values()) {
  if (d.source !== 'seed') continue;
  copyFileSync(join(SEEDS_DIR, d.file!), join(seedDir, d.file!));
  seedByFile.set(d.file!, d.id);
}

const db = join(dir, 'corpus.sqlite');
function run(args: string[], what: string): string {
  const r = spawnSync('nice', ['-n', '10', process.execPath, CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, cwd: ROOT });
  if (r.error) fail(`${what}: ${r.error.message}`);
  if (r.status !== 0 && !(what === 'corpus add' && r.status === 1)) fail(`${what} exited ${r.status}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  if (r.status === 1) process.stderr.write(`eval:claims: ${what}: some inputs failed: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}\n`);
  return r.stdout;
}

const seedPaths = [...seedByFile.keys()].map((f) => join(seedDir, f));
const t0 = performance.now();
// A generous per-document budget: the default 60 s of wall time is for users' runs; on a machine shared with other jobs a
// long article may pass it, and a dropped document would change the figures.
if (!values.reuse) run(['corpus', 'add', jsonl, ...seedPaths, '--db', db, '--jobs', values.jobs!, '--budget', '900'], 'corpus add');
const addSeconds = (performance.now() - t0) / 1000;

// Document ids of the store → gold document ids, through the input path and line, read from the store's documented
// `documents` table (`corpus search` refuses an empty query since b7c72ff).
const docOf = new Map<string, string>();
const listed = new Database(db, { readonly: true, fileMustExist: true });
const storedDocs = listed.prepare('SELECT id, input_path, input_line FROM documents').all() as {
  id: string;
  input_path: string | null;
  input_line: number | null;
}[];
listed.close();
for (const h of storedDocs) {
  const p = h.input_path ?? '';
  const id = p.endsWith('.jsonl') && h.input_line ? byLine.get(h.input_line) : seedByFile.get(basename(p));
  if (id) docOf.set(h.id, id);
}

const t1 = performance.now();
const out = run(['corpus', 'claims', '--db', db, '--format', 'jsonl'], 'corpus claims');
const claimsSeconds = (performance.now() - t1) / 1000;
const goldIds = new Set(gold.documents.map((d) => d.id));
const rawVerdicts = new Set<string>();
const reasonsOf = new Map<string, string[]>();
const groups: SystemGroup[] = out
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => {
    const g = JSON.parse(l) as { id: string; verdict: string; reasons?: string[]; claims: { documentId: string; text: string }[] };
    rawVerdicts.add(String(g.verdict));
    reasonsOf.set(g.id, g.reasons ?? []);
    return {
      id: g.id,
      verdict: g.verdict,
      claims: g.claims.map((c) => {
        const d = docOf.get(c.documentId);
        return { doc: d && goldIds.has(d) ? d : null, text: c.text };
      }),
    };
  });

const { clusters, mentions } = goldForScoring(gold, docs);
const s = scoreClaims(clusters, mentions, groups);

// Diagnostic: which gold mentions match no claim of the store at all (the claim layer missed them), as opposed
// to claims that exist but were left out of every group. Read from the store's documented `claims` table
// (docs/corpus-schema.md), read-only: the CLI lists grouped claims only.
const store = new Database(db, { readonly: true, fileMustExist: true });
interface StoredClaim {
  documentId: string;
  index: number;
  doc: string | null;
  text: string;
}
const everyClaim: StoredClaim[] = (
  store.prepare('SELECT document_id AS documentId, claim_index AS "index", text FROM claims').all() as Omit<StoredClaim, 'doc'>[]
).map((c) => ({ ...c, doc: docOf.get(c.documentId) ?? null }));
store.close();
const extracted = new Set(scoreClaims(clusters, mentions, [{ id: 'all', verdict: 'undetermined', claims: everyClaim }]).ungrouped);
const pct = (x: number) => (100 * x).toFixed(1);

/** A verdict confusion (gold rows × system columns) as a table. */
function printConfusion(confusion: Record<string, Record<string, number>>) {
  const extra = Object.values(confusion)
    .flatMap((r) => Object.keys(r))
    .filter((k) => !(VERDICTS as readonly string[]).includes(k) && k !== 'none');
  const cols = [...VERDICTS, ...new Set(extra), 'none'];
  console.log(`  ${'gold \\ system'.padEnd(16)}${cols.map((c) => c.padStart(17)).join('')}`);
  for (const v of VERDICTS) console.log(`  ${v.padEnd(16)}${cols.map((c) => String(confusion[v]?.[c] ?? 0).padStart(17)).join('')}`);
}

/** Per gold verdict, how many clusters got it. */
function verdictsRight(confusion: Record<string, Record<string, number>>): string {
  const right = (v: string) => `${confusion[v]?.[v] ?? 0} of ${Object.values(confusion[v] ?? {}).reduce((a, b) => a + b, 0)}`;
  return `gold independent called independent ${right('independent')}; single-upstream called single-upstream ${right('single-upstream')}; undetermined called undetermined ${right('undetermined')}`;
}

// Oracle grouping: each gold cluster of >= 2 mentions as the claims of the store that best locate its mentions (any
// claim of the mention's document, grouped or not), judged as one group by the product's verdict code.
const claimsByDoc = new Map<string, StoredClaim[]>();
for (const c of everyClaim) {
  if (!c.doc) continue;
  let l = claimsByDoc.get(c.doc);
  if (!l) claimsByDoc.set(c.doc, (l = []));
  l.push(c);
}
const judged = clusters.filter((c) => mentions.filter((m) => m.cluster === c.id).length >= 2);
const oracleKeys = judged.map((c) => {
  const keys = new Map<string, ClaimKey>();
  for (const m of mentions.filter((x) => x.cluster === c.id)) {
    const l = claimsByDoc.get(m.doc) ?? [];
    const i = locate(m.text, l);
    if (i >= 0) keys.set(`${l[i]!.documentId}#${l[i]!.index}`, { documentId: l[i]!.documentId, index: l[i]!.index });
  }
  return [...keys.values()];
});
const oracleStore = await openStore(db, { readOnly: true });
const oracleVerdicts = await verdictsOf(
  oracleStore,
  oracleKeys.filter((k) => k.length > 0),
);
// Why the missed gold pairs are missed (eval/claim-misses.ts): no claim, never compared, rejected, or the join refused.
// The grouping's own table and judge, in process, on the same store.
const table = await claimTable(oracleStore.claimFeatures());
await oracleStore.close();
const numberOf = new Map<string, number>();
for (let c = 0; c < table.count; c++) numberOf.set(`${table.documentIds[table.document[c]!]}#${table.index[c]}`, c);
const mentionsByDoc = new Map<string, typeof mentions>();
for (const m of mentions) mentionsByDoc.set(m.doc, [...(mentionsByDoc.get(m.doc) ?? []), m]);
const located: LocatedClaim[] = [];
for (const c of everyClaim) {
  const n = numberOf.get(`${c.documentId}#${c.index}`);
  const ms = c.doc ? (mentionsByDoc.get(c.doc) ?? []).filter((m) => textMatches(m.text, c.text)).map((m) => m.key) : [];
  if (n !== undefined && ms.length) located.push({ claim: n, mentions: ms });
}
const misses = explainMisses(table, new PairJudge(loadPairModel()), located, s.missedPairs, new Map(mentions.map((m) => [m.key, m.doc])));
const oracleOf = new Map<string, Independence | null>();
let nextVerdict = 0;
judged.forEach((c, i) => oracleOf.set(c.id, oracleKeys[i]!.length > 0 ? oracleVerdicts[nextVerdict++]! : null));
const oracle = oracleScore(clusters, new Map([...oracleOf].map(([id, v]) => [id, v?.verdict ?? null])));

console.log(`eval:claims — gold ${relative(ROOT, resolve(values.gold!))} (${gold.split}, annotated ${gold.annotated})`);
console.log(`corpus: ${docs.size} gold documents (${seedByFile.size} seeds) + ${distractors.length} distractors; ${docOf.size} stored documents mapped`);
console.log(`gold: ${gold.stories.length} stories, ${clusters.length} clusters (${s.clusters} with >= 2 mentions), ${mentions.length} mentions`);
console.log(
  `system: ${groups.length} groups, ${s.groupsWithGold} holding gold mentions; verdict values seen: ${[...rawVerdicts]
    .sort()
    .map((v) => `${v} → ${normaliseVerdict(v)}`)
    .join(', ')}`,
);
console.log(
  `pairwise: P ${pct(s.pairs.precision)}  R ${pct(s.pairs.recall)}  F1 ${pct(s.pairs.f1)}  (tp ${s.pairs.tp}, predicted ${s.pairs.predicted}, gold ${s.pairs.gold})`,
);
console.log(
  `false "independent" verdicts: ${s.falseIndependent.length} of ${s.independentGroups} independent groups holding gold mentions (stricter, own gold mentions on < 2 upstreams or 1 document: ${s.independentOnOneUpstream.length})`,
);
console.log(
  `gold mentions in no group: ${s.ungrouped.length} of ${s.mentions} (${extracted.size} match no claim of the store at all: missed by the claim layer, not by grouping)`,
);
for (const line of renderMisses(misses)) console.log(line);
console.log(`verdict confusion (gold rows × system columns, clusters of >= 2 mentions; system = the group holding most of the cluster):`);
printConfusion(s.confusion);
// The answer users come for, per gold cluster of >= 2 mentions: is what is independent called so, and is what rests on one upstream told so.
console.log(`verdicts right: ${verdictsRight(s.confusion)}`);
// Oracle grouping: the verdicts when the grouping is right (each gold cluster's located mentions judged as one group).
console.log(
  `oracle grouping verdicts: ${oracle.right} of ${oracle.clusters} right (${oracle.unlocated} with no mention located); false "independent" ${oracle.falseIndependent.length}; ${verdictsRight(oracle.confusion)}`,
);
printConfusion(oracle.confusion);
console.log(`time: corpus add ${addSeconds.toFixed(1)} s, corpus claims ${claimsSeconds.toFixed(2)} s (wall, nice -n 10)`);

if (values.verbose) {
  const text = new Map(mentions.map((m) => [m.key, `${m.doc}: ${m.text.slice(0, 90)}`]));
  for (const f of s.falseIndependent) console.log(`FALSE INDEPENDENT ${f.group}: ${f.reason}; clusters ${f.clusters.join(', ')}`);
  for (const [a, b] of s.falsePairs) console.log(`FALSE PAIR\n  ${a} ${text.get(a)}\n  ${b} ${text.get(b)}`);
  for (const m of misses.pairs) {
    const f = m.features;
    const why = f
      ? ` verb ${f.sharedVerb} subj ${f.subject.same} ent ${f.entities.common}/${f.entities.jaccard.toFixed(2)}/${f.entities.containment.toFixed(2)} words ${f.words.shared.toFixed(2)}/${f.words.jaccard.toFixed(2)}/${f.words.containment.toFixed(2)} fig ${f.sameFigure}${f.figuresDisagree ? ' FIGURES' : ''}${f.daysDiffer ? ' DAYS' : ''}${f.modalDiffer ? ' MODAL' : ''}${f.negation ? ' NEGATION' : ''}${f.subject.peopleDiffer ? ' SUBJECT-PEOPLE' : ''}${f.entities.peopleDiffer ? ' PEOPLE' : ''}${f.near ? '' : ' FAR'}${f.sameDocument ? ' SAMEDOC' : ''}`
      : '';
    console.log(`MISSED PAIR [${m.bucket}${m.reason ? `: ${m.reason}` : ''}${why}]\n  ${m.a} ${text.get(m.a)}\n  ${m.b} ${text.get(m.b)}`);
  }
  for (const k of s.ungrouped) console.log(`${extracted.has(k) ? 'NO CLAIM' : 'UNGROUPED'} ${k} ${text.get(k)}`);
  // Verdicts that differ from the gold: the gold mentions' upstreams against the system's reasons.
  const verdictByGroup = new Map(groups.map((g) => [g.id, normaliseVerdict(g.verdict)]));
  const goldVerdict = new Map(clusters.map((c) => [c.id, c.verdict]));
  for (const { cluster, group } of s.verdictGroups) {
    if (group === null || verdictByGroup.get(group) === goldVerdict.get(cluster)) continue;
    const ups = mentions.filter((m) => m.cluster === cluster).map((m) => `${m.doc}=${m.upstream}`);
    console.log(`VERDICT ${cluster}: gold ${goldVerdict.get(cluster)}, system ${verdictByGroup.get(group)} (${group})\n  gold upstreams: ${ups.join(' ')}`);
    for (const r of (reasonsOf.get(group) ?? []).slice(0, 12)) console.log(`  ${r}`);
  }
  for (const c of judged) {
    const v = oracleOf.get(c.id);
    if (v?.verdict === c.verdict) continue;
    const ups = mentions.filter((m) => m.cluster === c.id).map((m) => `${m.doc}=${m.upstream}`);
    console.log(`ORACLE ${c.id}: gold ${c.verdict}, system ${v?.verdict ?? 'none'}\n  gold upstreams: ${ups.join(' ')}`);
    for (const r of (v?.reasons ?? []).slice(0, 12)) console.log(`  ${r}`);
  }
}

if (values.json) {
  const { falsePairs, missedPairs, ungrouped, falseIndependent, verdictGroups: _verdictGroups, ...summary } = s;
  const { pairs: _missPairs, ...missCounts } = misses;
  // Lists of mentions only for DEV; the held-out file gets counts.
  const lists = gold.split === 'heldout' ? {} : { ungroupedMentions: ungrouped, falseIndependentGroups: falseIndependent, noClaim: [...extracted] };
  const counts = {
    ungrouped: ungrouped.length,
    falseIndependent: falseIndependent.length,
    noClaim: extracted.size,
    falsePairs: falsePairs.length,
    missedPairs: missedPairs.length,
  };
  writeFileSync(
    values.json,
    JSON.stringify(
      {
        gold: relative(ROOT, resolve(values.gold!)),
        split: gold.split,
        distractors: distractors.length,
        ...summary,
        ...counts,
        ...lists,
        misses: missCounts,
        oracle: {
          clusters: oracle.clusters,
          unlocated: oracle.unlocated,
          right: oracle.right,
          confusion: oracle.confusion,
          falseIndependent: oracle.falseIndependent.length,
        },
        addSeconds,
        claimsSeconds,
      },
      null,
      1,
    ) + '\n',
  );
}
if (values.keep || values.reuse) console.log(`kept ${dir}`);
else rmSync(dir, { recursive: true, force: true });
