// Meta stage: title, outlet, authors, date, language, origin. Known metadata
// (JSONL fields) always wins; with --raw only the language is identified.
// Candidates come from the page layout (HTML <meta>, JSON-LD, by-lines,
// labelled lines of a scraped text) plus notices found in the body; each chosen value
// is recorded in meta.evidence with its rule and the text it was read from.
import type { Doc } from '../doc/doc.js';
import type { MetaHint, PageLayout } from '../layout/types.js';
import { layoutHints } from './from-layout.js';
import { detectLanguage, UNDETERMINED } from './language.js';
import { hasLanguage } from '../lang/resources.js';
import { pickAuthors, textBylineHints } from './authors.js';
import { findOrigins } from './origin.js';
import { findDates } from '../layout/lexicon/dates.js';
import { chooseOutlet, outletFromUrl, stripSiteFromTitle } from './outlet.js';

export interface MetaOptions {
  raw: boolean;
  /** the page layout (src/layout/): its labelled blocks and declared metadata */
  page?: PageLayout;
  /** candidates found elsewhere, read after the page's own */
  hints?: MetaHint[];
}

type Evidence = { field: string; rule: string; text: string };

const LEAD_CHARS = 400;
/** A text's body opening with a date line the renderer glued to it ("Monday November 18, 2019 7:45 am PST by …"). */
const TEXT_OPENING_CHARS = 40;

/**
 * The first candidate, except that a UTC timestamp ("…T00:23:33Z") yields to a
 * date the page writes in local terms one day apart: the site's own calendar
 * day is the publication day its readers saw.
 */
function choosePublished(candidates: MetaHint[]): MetaHint | undefined {
  const top = candidates[0];
  if (!top || !/T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]00:?00)$/.test(top.text ?? '')) return top;
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const local = candidates.find((c) => !/(Z|[+-]\d\d:?\d\d)$/.test(c.text ?? '') && Math.abs(day(c.value) - day(top.value)) === 1);
  return local ?? top;
}

/** Characters of text from which its words outweigh the language the page declares. */
const LONG_TEXT = 400;

/** Publication dates after this year are typos or crawl artefacts. */
const LATEST_YEAR = new Date().getUTCFullYear() + 1;

export function guessMeta(doc: Doc, opts: MetaOptions): void {
  const hints = [...(opts.page ? layoutHints(opts.page) : []), ...(opts.hints ?? [])];
  const evidence: Evidence[] = [];
  const first = (field: string) => hints.find((h) => h.field === field);
  const note = (field: string, h: MetaHint) => evidence.push({ field, rule: h.rule, text: h.text ?? h.value });

  const langHint = first('language');
  const declared = langHint?.value.toLowerCase().slice(0, 2);
  if (!doc.known.language) {
    // A page template declares one language for every page of a site: a long text in another one ("de" text under
    // <html lang="en">) is read in the language its own words say; a close call between neighbours keeps the declared one.
    const read = declared && hasLanguage(declared) && doc.text.length >= LONG_TEXT ? detectLanguage(doc.text, declared) : declared;
    if (declared && hasLanguage(declared) && (read === declared || read === UNDETERMINED)) {
      doc.meta.language = declared;
      note('language', langHint!);
    } else if (declared && read && read !== declared) {
      doc.meta.language = read;
      evidence.push({ field: 'language', rule: `function words, not the declared "${declared}"`, text: '' });
    } else {
      doc.meta.language = detectLanguage(doc.text);
      evidence.push({ field: 'language', rule: 'function words', text: '' });
    }
  }
  if (opts.raw) return;

  const url = first('url');
  if (url && !doc.known.url) doc.meta.url = url.value;

  if (!doc.known.outlet) {
    // The names the markup declares are weighed against the URL; a scraped text's one candidate is its site name.
    const outlets = hints.filter((h) => h.field === 'outlet');
    const declaredOutlets = outlets.filter((h) => /^(?:meta|json-ld) /.test(h.rule));
    const chosen = declaredOutlets.length ? chooseOutlet(declaredOutlets, doc.meta.url) : undefined;
    const outletHint = chosen ? declaredOutlets[chosen.at] : outlets[0];
    if (outletHint) {
      doc.meta.outlet = chosen?.value ?? outletHint.value.replace(/^@/, '');
      note('outlet', outletHint);
    } else if (doc.meta.url) {
      doc.meta.outlet = outletFromUrl(doc.meta.url);
      evidence.push({ field: 'outlet', rule: 'url host', text: doc.meta.url });
    }
  }

  const title = first('title');
  if (!doc.known.title && title) {
    doc.meta.title = stripSiteFromTitle(title.value, doc.meta.outlet, doc.meta.url);
    note('title', title);
  }

  if (!doc.known.authors?.length) {
    const authorHints = hints.filter((h) => h.field === 'author');
    if (doc.input.format === 'html') authorHints.push(...textBylineHints(doc.text));
    // The site's declared names (og:site_name, twitter:site, JSON-LD publisher) are never its authors;
    // an outlet read from the text ("Copyright © X") may be the author who signs it.
    const declared = hints.filter((h) => h.field === 'outlet' && /^(?:meta|json-ld) /.test(h.rule)).map((h) => h.value);
    const { authors, from } = pickAuthors(authorHints, { outlets: [doc.meta.outlet, ...declared], url: doc.meta.url });
    if (authors.length) {
      doc.meta.authors = authors;
      for (const h of from) note('authors', h);
    }
  }

  if (!doc.known.published) {
    const date = choosePublished(hints.filter((h) => h.field === 'published' && Number(h.value.slice(0, 4)) <= LATEST_YEAR));
    if (date) {
      doc.meta.published = date.value;
      note('published', date);
    } else {
      // Last resort: a full date in the opening paragraph (htmldate's text search, restricted to the lead); a copied
      // page often glues the date line to the first paragraph ("Monday November 18, 2019 7:45 am PST by …").
      // In a text, a date the body merely mentions is no publication date: only one opening the text counts.
      const reach = doc.input.format === 'html' ? LEAD_CHARS : TEXT_OPENING_CHARS;
      const lead = findDates(doc.text.slice(0, reach)).find((d) => d.iso && Number(d.iso.slice(0, 4)) <= LATEST_YEAR && d.end <= reach);
      if (lead) {
        doc.meta.published = lead.iso;
        evidence.push({ field: 'published', rule: 'date in the lead paragraph', text: lead.text });
      }
    }
  }

  const translation = hints.find((h) => h.field === 'translatedFrom');
  if (translation) {
    doc.meta.translatedFrom = translation.value;
    note('translatedFrom', translation);
  }
  if (!doc.known.origin?.length) {
    const origins = [...hints.filter((h) => h.field === 'origin'), ...findOrigins(doc.text, doc.meta.language)];
    const seen = new Set<string>();
    for (const o of origins) {
      const key = o.value.toLowerCase();
      if (seen.has(key) || key === doc.meta.outlet?.toLowerCase()) continue;
      seen.add(key);
      doc.meta.origin.push(o.value);
      note('origin', o);
    }
  }
  doc.meta.evidence = evidence;
}
