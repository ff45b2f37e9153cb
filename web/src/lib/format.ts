/**
 * The app's one place for dates and numbers as people read them. Dates of record (certificates,
 * passes, procedures) read the same for every viewer, in UTC: day, month name, year (no 11/12
 * ambiguity); moments (an attempt started, a deadline) in the reader's time zone, written the same way.
 */
export const longDate = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** A compact date for tables: "24 Nov 2026". */
export const shortDate = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
/** A date and time in the reader's time zone, written the British way as the rest of the site: "24 Nov 2026, 14:05". */
export const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
export const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;
