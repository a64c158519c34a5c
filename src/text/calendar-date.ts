// A date filter (`--from`, `?from=`) is a real calendar day written YYYY-MM-DD: « 2018-13-45 » is refused
// rather than compared as a string, which would silently select every later document.

/** True when `value` is YYYY-MM-DD and names a day that exists (2024-02-29 yes, 2023-02-29 no). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}
