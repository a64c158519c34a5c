// Outlet names from URLs and page titles.

/** The host of a URL without "www.": the outlet's domain name. */
export function outletFromUrl(url: string): string | null {
  try {
    return new URL(url.includes('://') ? url : `http://${url}`).hostname.replace(/^www\d?\./, '') || null;
  } catch {
    return null;
  }
}

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** "Headline - Site" → "Headline" when the trailing part names the outlet (or looks like a site name). */
export function stripSiteFromTitle(title: string, outlet: string | null): string {
  const m = /^(.{10,}?)\s+[-|–—:·•]\s+([^-|–—]{2,50})$/u.exec(title.trim());
  if (!m) return title.trim();
  const site = squash(m[2]!);
  const o = outlet ? squash(outlet.replace(/\.[a-z]{2,4}$/, '')) : '';
  if (o && (site.includes(o) || o.includes(site))) return m[1]!.trim();
  if (/\.[a-z]{2,4}$/i.test(m[2]!.trim())) return m[1]!.trim();
  return title.trim();
}
