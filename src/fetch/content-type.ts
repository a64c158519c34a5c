// Reading Content-Type and Retry-After headers.

/** The media type, lower-cased, without parameters. */
export function mediaType(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
}

/** The charset parameter of a Content-Type header. */
export function charsetOf(contentType: string | null | undefined): string | undefined {
  const m = /;\s{0,20}charset\s{0,5}=\s{0,5}"?([A-Za-z0-9_:.-]{1,40})/i.exec(contentType ?? '');
  return m?.[1];
}

export function isHtml(contentType: string | null | undefined): boolean {
  const t = mediaType(contentType);
  return t === 'text/html' || t === 'application/xhtml+xml';
}

/** Retry-After in milliseconds (delta-seconds or an HTTP date), or undefined. */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d{1,10}$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}
