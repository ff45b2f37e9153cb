import type { CertificateRecord } from '../certification/records';

const CERTIFICATE_FIELDS = [
  'code', 'traineeSub', 'holderName', 'orgId', 'organisationName', 'qualification', 'issuedAt', 'expiresAt',
  'issuedBy', 'modules', 'assessmentIds', 'status', 'supersededBy', 'supersededAt', 'renews', 'revokedAt', 'revokedBy', 'revocationReason',
] as const;

/** A stored certificate item (either copy) back to the record, without keys or item type. */
export function toCertificate(item: Record<string, unknown>): CertificateRecord {
  return Object.fromEntries(CERTIFICATE_FIELDS.filter((field) => item[field] !== undefined).map((field) => [field, item[field]])) as unknown as CertificateRecord;
}
