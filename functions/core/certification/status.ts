import type { CertificateRecord } from './types';

/**
 * What a certificate is worth now: `valid` until it expires, or is suspended, revoked or
 * superseded by its renewal. A suspended or revoked certificate says so even after its expiry
 * date: that it was withdrawn matters more to a clinic than that it lapsed.
 */
export type CertificateStatus = 'valid' | 'expired' | 'suspended' | 'revoked' | 'superseded';

export function certificateStatus(record: CertificateRecord, now: Date): CertificateStatus {
  if (record.status !== 'active') return record.status;
  return Date.parse(record.expiresAt) <= now.getTime() ? 'expired' : 'valid';
}
