// Wording shared by every human-readable view of an analysis (web app, HTML
// and Markdown reports): the metadata lines, a source's name, an attribution's kind.
import type { Analysis, Attribution, Meta } from '../doc/schema.js';
import type { Mark } from './html-marks.js';
import { roleName, type MessageKey, type UiLang } from './html-i18n.js';
import type { Role } from '../layout/types.js';

type T = (key: MessageKey) => string;

/** The metadata worth showing, in display order; empty values left out. */
export function articleFacts(m: Meta): [MessageKey, string][] {
  const facts: [MessageKey, string | null][] = [
    ['outlet', m.outlet],
    ['published', m.published],
    ['authors', m.authors.join(', ') || null],
    ['origin', m.origin.join(', ') || null],
    ['language', m.language],
  ];
  return facts.filter((f): f is [MessageKey, string] => Boolean(f[1]));
}

/** "il (refers to Paul Durand)", or the source as written, or "(no source)". */
export function sourceLabel(at: Attribution, t: T): string {
  const s = at.source;
  if (!s) return t('unattributed');
  return s.resolved && s.resolved !== s.text ? `${s.text} (${t('resolved')} ${s.resolved})` : s.text;
}

/** "indirect, hedged (inside #2)". */
export function kindLabel(at: Attribution, t: T): string {
  return `${t(at.kind)}${at.hedged ? `, ${t('hedged')}` : ''}${at.parent !== null ? ` (${t('insideOf')}${at.parent + 1})` : ''}`;
}

/** "l'agence Fars ← …", or "—" without intermediaries. */
export function viaLabel(at: Attribution): string {
  return at.via.map((v) => v.text).join(' ← ') || '—';
}

/** One line on what a highlighted mark is: the hover text of the highlighted passages. */
export function describeMark(a: Analysis, m: Mark, t: T): string {
  if (m.attribution !== undefined) {
    const at = a.attributions[m.attribution]!;
    const via = at.via.length ? ` — ${t('via')} ${viaLabel(at)}` : '';
    return `#${m.attribution + 1} ${sourceLabel(at, t)} — ${at.cue?.text ?? '—'} — ${kindLabel(at, t)}${via}`;
  }
  if (m.entity !== undefined) {
    const en = a.entities[m.entity]!;
    return `${en.type}${en.subtype ? `/${en.subtype}` : ''}: ${en.key}`;
  }
  return t('claimText');
}

const letters = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

/**
 * How a removed block is named in the reports: its role on the page in the report's language; in English with the
 * rule's reason when it says more ("related links (promo)", not "by-line (byline)"). The reasons are the rules' own
 * English names, so a French report shows the role alone (« chapô », « mentions légales »).
 */
export function removedLabel(r: { reason: string; role?: Role }, lang: UiLang): string {
  if (!r.role) return r.reason;
  const said = lang === 'en' && !letters(r.role).includes(letters(r.reason)) ? ` (${r.reason})` : '';
  return roleName(lang, r.role) + said;
}

/**
 * The note a stage left when the document's language does not support `layer`
 * (see layerSupported in src/lang/registry.ts), or null: an empty layer then
 * means "not analysed", not "nothing found".
 */
export function unsupportedLayerNote(a: Analysis, layer: 'entities' | 'attributions' | 'claims'): string | null {
  return a.notes?.find((n) => n.rule === 'language' && n.message.includes(`not supported for ${layer}`))?.message ?? null;
}
