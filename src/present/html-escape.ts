// Escaping for HTML built as strings (the self-contained reports). Article
// text is hostile: every value goes through `escapeHtml`, and only http(s)
// URLs may become links. Also used by the web app (bundled) for hrefs.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escape for element content and double- or single-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`]/g, (c) => ENTITIES[c]!);
}

/** The URL, normalised, when it is an absolute http or https URL; otherwise null (javascript:, data:, relative…). */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
}
