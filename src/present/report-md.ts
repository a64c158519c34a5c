// Markdown reports: one per article, one per corpus. Article text is escaped
// so that it cannot become Markdown (links, images, raw HTML) in a renderer.
import type { Analysis } from '../doc/schema.js';
import { safeHttpUrl } from './html-escape.js';
import { translator, type UiLang } from './html-i18n.js';
import { articleFacts, kindLabel, removedLabel, sourceLabel, unsupportedLayerNote, viaLabel } from './report-facts.js';
import type { CorpusSummary } from './report-summary.js';

/** Plain text for a Markdown line or table cell: inline specials backslash-escaped, newlines folded, a leading block marker escaped. */
export function mdText(s: string): string {
  const inline = s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]()<>!|~&]/g, (c) => `\\${c}`);
  return inline.replace(/^([#+=-])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

function mdLink(url: string | null | undefined, text: string): string {
  const href = safeHttpUrl(url);
  return href ? `[${mdText(text)}](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)` : mdText(text);
}

function mdTable(head: string[], rows: string[][]): string[] {
  return [`| ${head.map(mdText).join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

export function articleReportMd(a: Analysis, lang: UiLang): string {
  const t = translator(lang);
  const m = a.meta;
  const lines = [`# ${mdLink(m.url, m.title ?? a.id.slice(0, 12))}`, ''];
  for (const [k, v] of articleFacts(m)) lines.push(`- **${t(k)}:** ${mdText(v)}`);
  lines.push('', `## ${t('attributions')} (${a.attributions.length})`, '');
  if (a.attributions.length === 0) lines.push(`_${mdText(unsupportedLayerNote(a, 'attributions') ?? t('noneFound'))}_`);
  else
    lines.push(
      ...mdTable(
        ['#', t('source'), t('cue'), t('kind'), t('via'), t('content')],
        a.attributions.map((at, i) => [
          String(i + 1),
          mdText(sourceLabel(at, t)) + (at.source?.anonymous ? ` _(${t('anonymous')})_` : ''),
          mdText(at.cue?.text ?? '—'),
          mdText(kindLabel(at, t)),
          mdText(viaLabel(at)),
          mdText(at.content.text),
        ]),
      ),
    );
  if (a.claims.length) {
    lines.push('', `## ${t('claimsHeading')} (${a.claims.length})`, '');
    for (const c of a.claims) lines.push(`- ${mdText(c.text)}${c.hedged ? ` _(${t('hedged')})_` : ''}`);
  }
  if (a.removed.length) {
    lines.push('', `## ${t('removed')} (${a.removed.length})`, '');
    for (const r of a.removed) lines.push(`- **${mdText(removedLabel(r, lang))}:** ${mdText(r.text)}`);
  }
  return lines.join('\n') + '\n';
}

export function corpusReportMd(summary: CorpusSummary, lang: UiLang): string {
  const t = translator(lang);
  const tot = summary.totals();
  const lines = [
    `# ${t('corpusReport')}`,
    '',
    `${tot.documents} ${t('documents').toLowerCase()}, ${tot.attributions} ${t('attributions').toLowerCase()} (${tot.anonymous} ${t('anonymous')}, ${tot.hedged} ${t('hedged')}), ${tot.claims} ${t('claim')}`,
    '',
    `## ${t('documents')}`,
    '',
    ...mdTable(
      [t('article'), t('outlet'), t('published'), t('attributions'), t('anonymous'), t('hedged'), t('claim')],
      summary.documents.map((d) => [
        `[${mdText(d.title ?? d.id.slice(0, 12))}](<${d.file.split('/').map(encodeURIComponent).join('/')}>)`,
        mdText(d.outlet ?? '—'),
        d.published ?? '—',
        String(d.attributions),
        String(d.anonymous),
        String(d.hedged),
        String(d.claims),
      ]),
    ),
  ];
  const sources = summary.topSources(30);
  if (sources.length) {
    lines.push(
      '',
      `## ${t('sourcesHeading')}`,
      '',
      ...mdTable(
        [t('source'), t('kind'), t('mentions'), t('documents')],
        sources.map((s) => [mdText(s.name), s.anonymous ? t('anonymous') : t('named'), String(s.mentions), String(s.documents)]),
      ),
    );
  }
  if (summary.groups.length) {
    lines.push(
      '',
      `## ${t('claimGroups')}`,
      '',
      ...mdTable(
        [t('claimText'), t('verdict'), t('mentions'), t('outlets'), t('when'), t('claimReview')],
        summary.groups.map((g) => {
          const file = summary.claimReviewFiles.get(g.id);
          const v = summary.verdictOf(g, lang);
          const verdict = `**${mdText(v.label)}**${v.why ? ` — ${mdText(v.why)}` : ''}`;
          return [mdText(g.label), verdict, String(g.mentions), String(g.outlets), g.first ?? '—', file ? `[JSON-LD](<${encodeURI(file)}>)` : '—'];
        }),
      ),
    );
  }
  return lines.join('\n') + '\n';
}
