const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "1 December 2026": a date as messages from the domain (unmet requirements, reminder emails)
 * write it, in UTC, whoever reads it. Written out by hand: Intl's date formatting would load
 * locale data into every Lambda that says a date.
 */
export const longDate = (iso: string) => {
  const date = new Date(iso);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
};
