import { NotFound } from '../errors';
import { canonicalCertificateCode } from './certificate-code';
import type { CertificateLookup } from './ports';
import type { CertificateRecord } from './types';

export interface VerificationDeps {
  certificates: CertificateLookup;
  now: () => Date;
}

/** A certificate as verification finds it; when it was renewed, with its successor as that stands now. */
export type VerifiedCertificate = CertificateRecord & { successor?: CertificateRecord };

/**
 * Anyone, signed in or not, checks a certificate by the code printed on it or in its QR code. A
 * superseded certificate sends the visitor to its renewal, so the renewal's public copy is read
 * too (a second GetItem, only then): the answer says whether the successor is itself still valid.
 */
export async function verifyCertificate(deps: Pick<VerificationDeps, 'certificates'>, code: string): Promise<VerifiedCertificate> {
  const canonical = canonicalCertificateCode(code);
  const record = canonical ? await deps.certificates.byCode(canonical) : undefined;
  if (!record) throw new NotFound('A certificate with this code');
  const successor = record.supersededBy ? await deps.certificates.byCode(record.supersededBy) : undefined;
  return successor ? { ...record, successor } : record;
}
