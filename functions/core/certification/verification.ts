import type { Verification } from '../api/responses';
import { NotFound } from '../auth/errors';
import { canonicalCertificateCode } from './certificate-code';
import type { CertificateLookup } from './ports';
import { verificationView } from './views';

export interface VerificationDeps {
  certificates: CertificateLookup;
  now: () => Date;
}

/** Anyone, signed in or not, checks a certificate by the code printed on it or in its QR code. */
export async function verifyCertificate(deps: VerificationDeps, code: string): Promise<Verification> {
  const canonical = canonicalCertificateCode(code);
  const record = canonical ? await deps.certificates.byCode(canonical) : undefined;
  if (!record) throw new NotFound('A certificate with this code');
  return verificationView(record, deps.now());
}
