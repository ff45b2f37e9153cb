import type { Verification } from '$core/api/schemas';
import type { PrintableCertificate } from './certificate-pdf';

/**
 * What the printable certificate needs, from what the certificate card and public verification
 * have today: the issuing supervisor signs, CIT Academy issues; no scope of practice is recorded yet.
 */
export function printableFromVerification(certificate: Verification): PrintableCertificate {
  const statusSince = {
    valid: undefined,
    expired: certificate.expiresAt,
    revoked: certificate.revokedAt,
    superseded: certificate.supersededAt,
  }[certificate.status];
  return {
    code: certificate.code,
    status: certificate.status,
    statusSince,
    holderName: certificate.holderName,
    organisationName: certificate.organisationName,
    qualification: certificate.qualification,
    issuedAt: certificate.issuedAt,
    expiresAt: certificate.expiresAt,
    issuer: 'CIT Academy',
    signatory: { name: certificate.issuedBy, role: 'Issuing supervisor' },
    modules: certificate.modules.map((module) => ({ title: module.title, passedAt: module.passedAt })),
    satisfactoryProcedures: certificate.satisfactoryProcedures,
  };
}
