// Outlet names from URLs and page titles.
import { findDates } from '../layout/lexicon/dates.js';

/** The host of a URL without "www.": the outlet's domain name. */
export function outletFromUrl(url: string): string | null {
  try {
    return new URL(url.includes('://') ? url : `http://${url}`).hostname.replace(/^www\d?\./, '') || null;
  } catch {
    return null;
  }
}

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** A declared name shorter than this (squashed) is too short to be matched inside a host name. */
const MIN_HOST_MATCH = 3;

/**
 * The outlet among the names a page declares (JSON-LD publisher, og:site_name, twitter:site…, in that order), given
 * the page's URL: the name its host spells ("Reuters" on reuters.com, though og:site_name says "U.S.", a section),
 * else a <meta> site name before the JSON-LD publisher (an article's publisher may be the wire that wrote it, "Associated
 * Press" on ctpost.com, or the owner company); a name that is only the host's first label ("nj" on nj.com) is the
 * host itself. Returns the index of the chosen candidate and the value to use.
 */
export function chooseOutlet(candidates: { value: string; rule: string }[], url: string | null | undefined): { at: number; value: string } | undefined {
  if (!candidates.length) return undefined;
  const host = url ? outletFromUrl(url) : null;
  const labels = host ? host.split('.').slice(0, -1).map(squash).filter(Boolean) : [];
  // A social handle spells the host too ("@latimes" on latimes.com) but names the site worse than its full name.
  const spelt = (v: string) => {
    if (v.startsWith('@')) return false;
    const n = squash(v);
    return n.length >= MIN_HOST_MATCH && labels.some((l) => l.includes(n) || n.includes(l));
  };
  let at = candidates.findIndex((c) => spelt(c.value));
  if (at < 0 && labels.length) {
    at = candidates.findIndex((c) => c.rule.startsWith('meta ') && !c.value.startsWith('@'));
    if (at < 0) at = 0;
  }
  if (at < 0) at = 0;
  const value = candidates[at]!.value.replace(/^@/, '');
  // "nj" on nj.com: the host names the site better than its first label alone.
  if (host && labels[0] === squash(value) && value.length < MIN_HOST_MATCH) return { at, value: host };
  return { at, value };
}

const SEPARATED = /^(.{10,}?)\s+[-|–—:·•]\s+([^-|–—:·•]{2,40})$/u;

/**
 * "Headline - Site" → "Headline": trailing segments are cut while they name
 * the outlet (its name or its domain's label, compared without punctuation),
 * look like a domain, or are a date ("… | DW | 23.05.2011").
 */
export function stripSiteFromTitle(title: string, outlet: string | null, url?: string | null): string {
  let t = title.trim();
  const names = [outlet, url ? outletFromUrl(url)?.split('.')[0] : null].filter((n): n is string => !!n).map((n) => squash(n.replace(/\.[a-z]{2,6}$/i, '')));
  for (let k = 0; k < 3; k++) {
    const m = SEPARATED.exec(t);
    if (!m) break;
    const seg = m[2]!.trim();
    const site = squash(seg);
    const isSite = names.some((n) => n && site && (site.includes(n) || n.includes(site))) || /\.[a-z]{2,6}$/i.test(seg) || findDates(seg).length > 0;
    if (!isSite) break;
    t = m[1]!.trim();
  }
  return t;
}
