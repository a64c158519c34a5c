// A date filter (`--from`, `?from=`) is a real calendar day written YYYY-MM-DD: « 2018-13-45 » is refused
// rather than compared as a string, which would silently select every later document.

/** True when `value` is YYYY-MM-DD and names a day that exists (2024-02-29 yes, 2023-02-29 no). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && isRealDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The YYYY-MM-DD a date value opens with (`2024-03-02`, `2024-03-02T08:00:00+01:00`, `2024-03-02 08:00`), by its shape only. */
export function leadingDay(value: string): string | undefined {
  return /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value)?.[1];
}

/** True when day `day` of month `month` (1–12) of `year` exists: no 31 April, 29 February only in leap years. */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}
