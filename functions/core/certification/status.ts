import type { CertificateRecord } from './types';

/** What a certificate is worth now: `valid` until it expires, is revoked, or is superseded by its renewal. */
export type CertificateStatus = 'valid' | 'expired' | 'revoked' | 'superseded';

export function certificateStatus(record: CertificateRecord, now: Date): CertificateStatus {
  if (record.status === 'revoked') return 'revoked';
  if (record.status === 'superseded') return 'superseded';
  return Date.parse(record.expiresAt) <= now.getTime() ? 'expired' : 'valid';
}
