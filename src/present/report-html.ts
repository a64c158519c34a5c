// Self-contained HTML reports: one page per article (its text with the layers
// highlighted, hover for details) and one per corpus. Inline CSS only, no
// script, no external resource; a CSP meta tag forbids any script that
// hostile article text might smuggle in, on top of escaping every value.
import type { Analysis } from '../doc/schema.js';
import { escapeHtml as e, safeHttpUrl } from './html-escape.js';
import { translator, type MessageKey, type UiLang } from './html-i18n.js';
import { marksOf, segments, segmentClasses, labelsEndingAt, LAYERS } from './html-marks.js';
import { HIGHLIGHT_CSS } from './html-style.js';
import { articleFacts, describeMark, kindLabel, removedLabel, sourceLabel, unsupportedLayerNote, viaLabel } from './report-facts.js';
import type { CorpusSummary } from './report-summary.js';

const REPORT_CSS = `
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1d2329; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; font-size: 0.92rem; }
th, td { border: 1px solid #dde2e6; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #eef1f3; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; }
dl.meta dt { color: #6b7580; } dl.meta dd { margin: 0; }
.text { border: 1px solid #dde2e6; padding: 1rem; border-radius: 4px; }
.muted { color: #6b7580; } footer { margin-top: 2rem; font-size: 0.85rem; color: #6b7580; }
details li { white-space: pre-wrap; }
`;

/** Reports carry their own inline CSS and may run no script of any kind. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function page(lang: UiLang, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${HIGHLIGHT_CSS}${REPORT_CSS}</style>
</head>
<body>
${body}
<footer>${e(translator(lang)('generated'))}</footer>
</body>
</html>
`;
}

/** An external link when the URL is http(s), else plain text. */
function link(url: string | null | undefined, text: string): string {
  const href = safeHttpUrl(url);
  return href ? `<a href="${e(href)}" rel="noopener noreferrer nofollow">${e(text)}</a>` : e(text);
}

/** A link to another file of the report (names made by recoupe; encoded anyway). */
function localLink(file: string, text: string): string {
  return `<a href="${e(file.split('/').map(encodeURIComponent).join('/'))}">${e(text)}</a>`;
}

function highlightedText(a: Analysis, t: (k: MessageKey) => string): string {
  const marks = marksOf(a);
  let out = '';
  for (const seg of segments(a.text.length, marks)) {
    const piece = e(a.text.slice(seg.start, seg.end));
    if (seg.marks.length === 0) {
      out += piece;
      continue;
    }
    const title = seg.marks.map((i) => describeMark(a, marks[i]!, t)).join('\n');
    out += `<span class="seg ${segmentClasses(seg, marks).join(' ')}" title="${e(title)}">${piece}</span>`;
    for (const m of labelsEndingAt(seg, marks)) out += `<span class="tag tag-${m.role} ${m.classes.join(' ')}">${e(m.entityType ?? t(m.label!))}</span>`;
  }
  return `<div class="text" lang="${e(a.meta.language)}">${out}</div>`;
}

function table(head: string[], rows: string[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

export function articleReportHtml(a: Analysis, lang: UiLang): string {
  const t = translator(lang);
  const m = a.meta;
  const title = m.title ?? a.id.slice(0, 12);
  const legend = LAYERS.map((l) => `<span class="swatch ${l.cls}">${e(t(l.key))}</span>`).join(' ');
  const attributions = a.attributions.map((at, i) => [
    String(i + 1),
    `<span class="${at.source?.anonymous ? 'anon' : ''}">${e(sourceLabel(at, t))}</span>`,
    e(at.cue?.text ?? '—'),
    e(kindLabel(at, t)),
    e(viaLabel(at)),
    `<span class="quote">${e(at.content.text)}</span>`,
  ]);
  const links = (a.links ?? []).map(
    (l) => `<li>${safeHttpUrl(l.href) ? link(l.href, l.text || l.href) : `${e(l.text)} — ${e(t('blockedLink'))}: ${e(l.href)}`}</li>`,
  );
  const removed = a.removed.map((r) => `<li><strong>${e(removedLabel(r, lang))}</strong> ${e(r.text)}</li>`);
  const body = [
    `<h1>${link(m.url, title)}</h1>`,
    `<dl class="meta">${articleFacts(m)
      .map(([k, v]) => `<dt>${e(t(k))}</dt><dd>${e(v)}</dd>`)
      .join('')}</dl>`,
    `<p>${legend}</p>`,
    highlightedText(a, t),
    `<h2>${e(t('attributions'))} (${a.attributions.length})</h2>`,
    a.attributions.length
      ? table(['#', t('source'), t('cue'), t('kind'), t('via'), t('content')], attributions)
      : `<p class="muted">${e(unsupportedLayerNote(a, 'attributions') ?? t('noneFound'))}</p>`,
    `<details><summary>${e(t('links'))} (${links.length})</summary><ul>${links.join('')}</ul></details>`,
    `<details><summary>${e(t('removed'))} (${removed.length})</summary><ul>${removed.join('')}</ul></details>`,
  ].join('\n');
  return page(lang, `${t('report')} — ${title}`, body);
}

export function corpusReportHtml(summary: CorpusSummary, lang: UiLang): string {
  const t = translator(lang);
  const tot = summary.totals();
  const docs = summary.documents.map((d) => [
    localLink(d.file, d.title ?? d.id.slice(0, 12)) + (d.url ? ` ${link(d.url, '↗')}` : ''),
    e(d.outlet ?? '—'),
    e(d.published ?? '—'),
    String(d.attributions),
    String(d.anonymous),
    String(d.hedged),
    String(d.claims),
  ]);
  const sources = summary
    .topSources(30)
    .map((s) => [
      `<span class="${s.anonymous ? 'anon' : ''}">${e(s.name)}</span>`,
      e(s.anonymous ? t('anonymous') : t('named')),
      String(s.mentions),
      String(s.documents),
    ]);
  const groups = summary.groups.map((g) => {
    const file = summary.claimReviewFiles.get(g.id);
    const v = summary.verdictOf(g, lang);
    const verdict = `<strong class="verdict-${e(g.verdict)}">${e(v.label)}</strong>${v.why ? `<br><span class="muted">${e(v.why)}</span>` : ''}`;
    return [e(g.label), verdict, String(g.mentions), String(g.outlets), e(g.first ?? '—'), file ? localLink(file, 'JSON-LD') : '—'];
  });
  const body = [
    `<h1>${e(t('corpusReport'))}</h1>`,
    `<p>${tot.documents} ${e(t('documents').toLowerCase())}, ${tot.attributions} ${e(t('attributions').toLowerCase())} (${tot.anonymous} ${e(t('anonymous'))}, ${tot.hedged} ${e(t('hedged'))}), ${tot.claims} ${e(t('claim'))}</p>`,
    `<h2>${e(t('documents'))}</h2>`,
    table([t('article'), t('outlet'), t('published'), t('attributions'), t('anonymous'), t('hedged'), t('claim')], docs),
    `<h2>${e(t('sourcesHeading'))}</h2>`,
    sources.length ? table([t('source'), t('kind'), t('mentions'), t('documents')], sources) : `<p class="muted">${e(t('noneFound'))}</p>`,
    ...(groups.length
      ? [`<h2>${e(t('claimGroups'))}</h2>`, table([t('claimText'), t('verdict'), t('mentions'), t('outlets'), t('when'), t('claimReview')], groups)]
      : []),
  ].join('\n');
  return page(lang, t('corpusReport'), body);
}
