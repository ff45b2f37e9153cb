// How certificates read on screen and on paper: dates, status words, the verification link.

/** Dates on certificates read the same for every viewer: day, month name, year (no 11/12 ambiguity). */
export const longDate = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export const STATUS_TEXT = { valid: 'Valid', expired: 'Expired', revoked: 'Revoked', superseded: 'Superseded' } as const;

/** Where anyone can check a certificate; the QR code on a certificate encodes this. */
export const verifyPath = (code: string) => `/verify?${new URLSearchParams({ code })}`;
