/** A date and time in the reader's locale, e.g. "24 Nov 2026, 14:05". */
export const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;
