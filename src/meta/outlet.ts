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
