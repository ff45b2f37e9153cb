// How certificates read on screen and on paper: dates, status words, the verification link.
import { longDate } from '../format';
import { links } from '../links';

export { longDate };

export const STATUS_TEXT = {
  valid: 'Valid',
  expired: 'Expired',
  suspended: 'Suspended',
  revoked: 'Revoked',
  superseded: 'Superseded',
} as const;

/** Where anyone can check a certificate; the QR code on a certificate encodes this. */
export const verifyPath = links.verify;
