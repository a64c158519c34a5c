// A readable per-article summary: metadata, then the sourcing at a glance —
// who is quoted (named or anonymous, with the chain of intermediaries and of
// nested attributions), by which cue, saying what, how hedged — then the
// check-worthy claims.
import type { Analysis, Attribution } from '../doc/schema.js';
import { unsupportedLayerNote } from './report-facts.js';

const MAX_CONTENT = 160;

function clip(s: string, n = MAX_CONTENT): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
}

/** Table cells may not hold pipes or line breaks. */
function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

function speakerName(at: Attribution): string {
  const src = at.source;
  if (!src) return '(unattributed)';
  return src.resolved && src.resolved !== src.text ? `${src.text} (= ${src.resolved})` : src.text;
}

/** Who the reader finally depends on: outer attributions first, then intermediaries, then the speaker. */
function chain(a: Analysis, i: number): string {
  const parts: string[] = [];
  const seen = new Set<number>();
  for (let k: number | null = i; k !== null && !seen.has(k); k = a.attributions[k]!.parent) {
    seen.add(k);
    const at = a.attributions[k]!;
    const who = at.source ? (at.source.resolved ?? at.source.text) : '?';
    parts.unshift(...[...at.via.map((v) => v.text)].reverse(), who);
  }
  // Reading order: the outlet's source first ("InfoWars ← médias étatiques iraniens").
  const ordered: string[] = [];
  for (const p of parts) if (ordered[ordered.length - 1] !== p) ordered.push(p);
  return ordered.join(' ← ');
}

function sourcingSummary(a: Analysis): string[] {
  const ats = a.attributions;
  const unsupported = unsupportedLayerNote(a, 'attributions');
  if (ats.length === 0 && unsupported) return [`_Not analysed: ${unsupported}._`];
  if (ats.length === 0) return ["_No attribution found: everything is in the outlet's own voice._"];
  const anonymous = ats.filter((x) => x.source?.anonymous ?? true).length;
  const kinds = ['direct', 'indirect', 'mixed', 'according'].map((k) => `${ats.filter((x) => x.kind === k).length} ${k}`).join(', ');
  const bySpeaker = new Map<string, { n: number; anonymous: boolean }>();
  for (const x of ats) {
    const key = x.source ? (x.source.resolved ?? x.source.text) : '(unattributed)';
    const e = bySpeaker.get(key) ?? { n: 0, anonymous: x.source?.anonymous ?? true };
    e.n++;
    bySpeaker.set(key, e);
  }
  const speakers = [...bySpeaker].sort((p, q) => q[1].n - p[1].n).map(([k, e]) => `${k}${e.anonymous ? ' (anonymous)' : ''} ×${e.n}`);
  return [
    `- **Attributions:** ${ats.length} (${kinds}); ${ats.length - anonymous} named, ${anonymous} anonymous; ${ats.filter((x) => x.hedged).length} hedged`,
    `- **Speakers:** ${speakers.join('; ')}`,
    '',
    '| # | speaker | named? | chain (outlet ← … ← speaker) | cue | kind | hedged | content |',
    '|---|---|---|---|---|---|---|---|',
    ...ats.map((at, i) => {
      const named = at.source ? (at.source.anonymous ? 'anonymous' : 'named') : '—';
      const flags = [at.hedged ? `yes (${at.hedges?.map((h) => h.text).join(', ') ?? ''})` : 'no', at.negated ? 'negated' : '', at.question ? 'question' : '']
        .filter(Boolean)
        .join(', ');
      const nested = at.parent !== null ? ` (inside #${at.parent + 1})` : '';
      return `| ${i + 1} | ${cell(speakerName(at))} | ${named} | ${cell(chain(a, i))} | ${cell(at.cue?.text ?? '— (continues)')} | ${at.kind}${nested} | ${cell(flags)} | ${cell(clip(at.content.text))} |`;
    }),
  ];
}

export function markdownSummary(a: Analysis): string {
  const m = a.meta;
  const lines: string[] = [];
  lines.push(`# ${m.title ?? a.input.path ?? a.id.slice(0, 12)}`, '');
  const facts: [string, string | null][] = [
    ['Outlet', m.outlet],
    ['Published', m.published],
    ['Authors', m.authors.length ? m.authors.join(', ') : null],
    ['Taken from', m.origin.length ? m.origin.join(', ') : null],
    ['Language', m.language],
    ['Input', a.input.path ? `${a.input.path}${a.input.line ? `:${a.input.line}` : ''} (${a.input.format})` : a.input.format],
    // How the bytes were read, when that was not plain UTF-8: a reader must see damaged or guessed text.
    [
      'Decoding',
      (a.notes ?? [])
        .filter((n) => n.rule === 'decode')
        .map((n) => n.message)
        .join('; ') || null,
    ],
  ];
  for (const [k, v] of facts) if (v) lines.push(`- **${k}:** ${v}`);
  const words = a.text.match(/\p{L}+/gu)?.length ?? 0;
  lines.push(
    `- **Size:** ${counted(a.sentences.length, 'sentence')}, ${counted(words, 'word')}; ${counted(a.removed.length, 'boilerplate block')} removed`,
    '',
  );
  lines.push('## Sourcing', '', ...sourcingSummary(a));
  if (a.claims.length > 0) {
    lines.push('', `## Check-worthy claims (${a.claims.length})`, '');
    for (const c of a.claims) {
      const at = c.attribution !== null ? a.attributions[c.attribution] : undefined;
      const by = at
        ? `${c.denied ? 'denied by' : 'according to'} ${at.source ? (at.source.resolved ?? at.source.text) : '?'} (#${c.attribution! + 1})`
        : "outlet's own voice";
      const flags = [c.hedged ? 'hedged' : '', c.negated ? 'negated' : '', c.question ? 'question' : ''].filter(Boolean).join(', ');
      lines.push(`- ${clip(c.text)} — ${by}${flags ? `, ${flags}` : ''}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** "1 sentence", "2 sentences": the summary is in English, whose plural is an added s for these nouns. */
function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
