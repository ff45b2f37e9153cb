import { NotFound } from '../errors';
import { canonicalCertificateCode } from './certificate-code';
import type { CertificateLookup } from './ports';
import type { CertificateRecord } from './types';

export interface VerificationDeps {
  certificates: CertificateLookup;
  now: () => Date;
}

/** Anyone, signed in or not, checks a certificate by the code printed on it or in its QR code. */
export async function verifyCertificate(deps: Pick<VerificationDeps, 'certificates'>, code: string): Promise<CertificateRecord> {
  const canonical = canonicalCertificateCode(code);
  const record = canonical ? await deps.certificates.byCode(canonical) : undefined;
  if (!record) throw new NotFound('A certificate with this code');
  return record;
}
