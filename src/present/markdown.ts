// A readable per-article summary: metadata, then the sourcing at a glance —
// speaker (named/anonymous), via chain, cue, content, hedged.
import type { Analysis } from '../doc/schema.js';

const MAX_CONTENT = 240;

function clip(s: string, n = MAX_CONTENT): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
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
  ];
  for (const [k, v] of facts) if (v) lines.push(`- **${k}:** ${v}`);
  const words = a.text.match(/\p{L}+/gu)?.length ?? 0;
  lines.push(`- **Size:** ${a.sentences.length} sentences, ${words} words; ${a.removed.length} boilerplate block(s) removed`, '');
  lines.push(`## Sourcing (${a.attributions.length} attribution${a.attributions.length === 1 ? '' : 's'})`, '');
  if (a.attributions.length === 0) lines.push('_No attribution found._');
  a.attributions.forEach((at, i) => {
    const src = at.source;
    const who = src ? (src.resolved && src.resolved !== src.text ? `${src.text} (= ${src.resolved})` : src.text) : '(unattributed)';
    const tag = src ? (src.anonymous ? 'anonymous' : 'named') : 'no source';
    const via = at.via.length ? ` via ${at.via.map((v) => v.text).join(' ← ')}` : '';
    const flags = [at.kind, at.hedged ? 'hedged' : null, at.parent !== null ? `inside #${at.parent + 1}` : null].filter(Boolean).join(', ');
    lines.push(`${i + 1}. **${who}** [${tag}]${via} — _${at.cue?.text ?? '—'}_ — “${clip(at.content.text)}” (${flags})`);
  });
  if (a.claims.length > 0) {
    lines.push('', `## Check-worthy claims (${a.claims.length})`, '');
    for (const c of a.claims) {
      const by = c.attribution !== null ? `attributed (#${c.attribution + 1})` : "outlet's own voice";
      lines.push(`- ${clip(c.text)} — ${by}${c.hedged ? ', hedged' : ''}`);
    }
  }
  return lines.join('\n') + '\n';
}
