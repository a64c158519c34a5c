// Metadata hints from an HTML page: <meta>, JSON-LD, microdata, <time>, the
// URL, by-line elements. Every hint keeps the rule and raw text it came from;
// src/meta/index.ts chooses among them.
import { decodeHTMLStrict } from 'entities';
import type { MetaHint } from '../types.js';
import { findDates, machineDate, urlDate } from '../lexicon/dates.js';
import { inFurniture, pageLayout, type PageLayout } from './page.js';
import { bylineHints } from './byline-element.js';
import { ARTICLE_TYPES, AUTHOR, PUBLISHED, SITE, TITLE, URL_FIELDS, type FieldSource } from './fields.js';
import { isCalendarDate } from '../../text/calendar-date.js';

type Json = Record<string, unknown>;

function jsonLdObjects(document: Document): Json[] {
  const out: Json[] = [];
  const walk = (v: unknown, depth: number) => {
    if (depth > 6 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    const o = v as Json;
    out.push(o);
    if (o['@graph']) walk(o['@graph'], depth + 1);
    if (o.mainEntity) walk(o.mainEntity, depth + 1);
  };
  for (const s of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      walk(JSON.parse((s.textContent ?? '').trim()), 0);
    } catch {
      // invalid JSON-LD is common; the other sources remain
    }
  }
  return out;
}

const types = (o: Json) => ([] as unknown[]).concat(o['@type'] ?? []).map(String);
/** Names in a JSON-LD value: strings, objects with a name, arrays of them, references to a node of the page ("@id"). */
const names = (v: unknown, byId?: Map<string, Json>): string[] => {
  if (!v) return [];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap((x) => names(x, byId));
  if (typeof v === 'object') {
    const o = v as Json;
    const node = typeof o.name !== 'string' && typeof o['@id'] === 'string' ? byId?.get(o['@id']) : o;
    const n = node?.name;
    return typeof n === 'string' ? [n] : Array.isArray(n) ? n.filter((x): x is string => typeof x === 'string') : [];
  }
  return [];
};

/** <meta> contents by name, property and itemprop (one pass: selectors per name are slow on big pages). */
function metaIndex(document: Document): Map<string, string[]> {
  const idx = new Map<string, string[]>();
  for (const el of Array.from(document.querySelectorAll('meta'))) {
    const content = el.getAttribute('content')?.trim();
    if (!content) continue;
    for (const a of ['name', 'property', 'itemprop']) {
      const k = el.getAttribute(a);
      if (k) idx.set(k, [...(idx.get(k) ?? []), content]);
    }
  }
  return idx;
}

function fromSources(document: Document, metas: Map<string, string[]>, sources: FieldSource[], field: string, out: MetaHint[]): void {
  for (const s of sources) {
    if (s.meta) {
      for (const v of metas.get(s.meta) ?? []) out.push({ field, value: v, rule: `meta ${s.meta}` });
      continue;
    }
    for (const el of Array.from(document.querySelectorAll(s.selector!))) {
      const v = el.getAttribute(s.attr)?.trim();
      if (v) out.push({ field, value: v, rule: `${s.rule} ${s.selector}` });
    }
  }
}

/**
 * Dates shown on the page (<time>, microdata, elements whose class says
 * "date"): the first one after the main heading wins — sidebars and "latest
 * news" lists carry dates too, usually elsewhere. Without a heading, the first.
 */
function pageDates({ all, heading: start }: PageLayout): MetaHint[] {
  const found: { at: number; hint: MetaHint }[] = [];
  all.forEach((el, i) => {
    if (found.length > 200) return;
    const dt =
      el.getAttribute('datetime') ?? (el.getAttribute('itemprop') === 'datePublished' ? (el.getAttribute('content') ?? el.getAttribute('title')) : null);
    if (dt && machineDate(dt)) {
      found.push({ at: i, hint: { field: 'published', value: dt, rule: `${el.tagName.toLowerCase()} datetime` } });
      return;
    }
    const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (el.tagName !== 'TIME' && !DATE_CLASS.test(cls)) return;
    const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!t || t.length > 200) return;
    const d = findDates(t).find((x) => x.iso);
    if (d) found.push({ at: i, hint: { field: 'published', value: d.iso!, rule: `date element .${cls.trim().split(/\s+/)[0]}`, text: d.text } });
  });
  const inPage = found.filter((f) => !inFurniture(all[f.at]!));
  const after = inPage.filter((f) => f.at >= start);
  return (after.length ? after : inPage).slice(0, 1).map((f) => f.hint);
}

/** Publication dates left by CMSs in inline scripts ("dateCreated":"2020-08-24", "publishDate": …). */
function scriptDates(document: Document): MetaHint[] {
  const re =
    /["'](?:datePublished|dateCreated|DateCreation|publishDate|publishedDate|published_at|publication_date|pubDate|date_publication)["']\s*:\s*["'](\d{4}-\d{2}-\d{2})/;
  for (const s of Array.from(document.querySelectorAll('script:not([type="application/ld+json"])'))) {
    const t = (s.textContent ?? '').slice(0, 300_000);
    const m = re.exec(t);
    if (m && isCalendarDate(m[1]!)) return [{ field: 'published', value: m[1]!, rule: 'inline script', text: m[0] }];
  }
  return [];
}

/** Elements whose class/id says they hold the date or the by-line. */
const DATE_CLASS =
  /(^|[-_ ])(date|dates|time|timestamp|published|publication|pubdate|posted|post-date|entry-date|metas?|byline|submitted|datetime|article-date|info)([-_ ]|$)/i;

/** Fields whose declared values are text shown to readers. */
const TEXT_FIELDS = new Set(['title', 'author', 'outlet', 'title-tag']);

/**
 * A declared value some CMSs escape twice ("&amp;#8216;" in a <meta> content, "&#8217;" in a JSON-LD string): what
 * remains of its character references after parsing is read as the characters they stand for, in full form only
 * (entities' strict decoder; a bare "&" as in "AT&T" stays), non-breaking spaces as spaces.
 */
function decodedValue(v: string): string {
  return decodeHTMLStrict(v).replace(/\s+/gu, ' ').trim();
}

export function declaredHints(document: Document, url?: string | null): MetaHint[] {
  const hints: MetaHint[] = [];
  const metas = metaIndex(document);
  const layout = pageLayout(document);
  const ld = jsonLdObjects(document);
  const articles = ld.filter((o) => types(o).some((t) => ARTICLE_TYPES.test(t)));
  const others = ld.filter((o) => !articles.includes(o));

  // Dates, most reliable first.
  for (const o of articles) if (typeof o.datePublished === 'string') hints.push({ field: 'published', value: o.datePublished, rule: 'json-ld datePublished' });
  const metaDates: MetaHint[] = [];
  fromSources(document, metas, PUBLISHED, 'published', metaDates);
  hints.push(...metaDates);
  for (const o of articles) if (typeof o.dateCreated === 'string') hints.push({ field: 'published', value: o.dateCreated, rule: 'json-ld dateCreated' });
  for (const o of others)
    if (typeof o.datePublished === 'string') hints.push({ field: 'published', value: o.datePublished, rule: 'json-ld datePublished (page)' });
  const pageUrl =
    url ??
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    document.querySelector('meta[property="og:url"]')?.getAttribute('content') ??
    '';
  const fromUrl = pageUrl ? urlDate(pageUrl) : null;
  if (fromUrl) hints.push({ field: 'published', value: fromUrl, rule: `url ${pageUrl}` });
  hints.push(...pageDates(layout));
  const inTitle = findDates(document.querySelector('title')?.textContent ?? '').find((d) => d.iso);
  if (inTitle) hints.push({ field: 'published', value: inTitle.iso!, rule: 'date in the title element', text: inTitle.text });
  hints.push(...scriptDates(document));
  for (const o of articles) if (typeof o.dateModified === 'string') hints.push({ field: 'modified', value: o.dateModified, rule: 'json-ld dateModified' });

  // Title, site, authors, URL, language.
  for (const o of articles) if (typeof o.headline === 'string') hints.push({ field: 'title', value: o.headline, rule: 'json-ld headline' });
  fromSources(document, metas, TITLE, 'title', hints);
  const h1 = document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim();
  const titleTag = document.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim();
  if (titleTag) hints.push({ field: 'title', value: titleTag, rule: 'title element' });
  if (h1) hints.push({ field: 'title', value: h1, rule: 'h1' });
  for (const o of articles) for (const n of names(o.publisher)) hints.push({ field: 'outlet', value: n, rule: 'json-ld publisher' });
  fromSources(document, metas, SITE, 'outlet', hints);
  const byId = new Map(ld.filter((o) => typeof o['@id'] === 'string').map((o) => [o['@id'] as string, o]));
  for (const o of articles) for (const n of names(o.author, byId)) hints.push({ field: 'author', value: n, rule: 'json-ld author' });
  fromSources(document, metas, AUTHOR, 'author', hints);
  hints.push(...bylineHints(layout));
  if (pageUrl) hints.push({ field: 'url', value: pageUrl, rule: url ? 'input url' : 'canonical' });
  else fromSources(document, metas, URL_FIELDS, 'url', hints);
  const lang = document.documentElement?.getAttribute('lang');
  if (lang) hints.push({ field: 'language', value: lang, rule: 'html lang' });
  if (titleTag) hints.push({ field: 'title-tag', value: titleTag, rule: 'title element' });
  return hints
    .map((h) => ({ ...h, text: h.text ?? h.value }))
    .map((h) => (h.value.includes('&') && TEXT_FIELDS.has(h.field) ? { ...h, value: decodedValue(h.value) } : h))
    .map((h) => (h.field === 'published' || h.field === 'modified' ? { ...h, value: machineDate(h.value) ?? '' } : h))
    .filter((h) => h.value);
}
