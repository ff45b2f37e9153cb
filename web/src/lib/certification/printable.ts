import type { Verification } from '$core/api/schemas';
import type { PrintableCertificate } from './certificate-pdf';

/**
 * What the printable certificate needs, from what the certificate card and public verification
 * show: the issuing supervisor signs, CIT Academy issues, with the scope of practice signed off.
 */
export function printableFromVerification(certificate: Verification): PrintableCertificate {
  const statusSince = {
    valid: undefined,
    expired: certificate.expiresAt,
    suspended: certificate.suspendedAt,
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
    ...(certificate.scope.areas.length
      ? {
          scope: {
            areas: certificate.scope.areas.map(({ label, maxDepthMm, maxDepthUnsupervisedMm }) => ({
              label,
              maxDepthMm,
              maxDepthUnsupervisedMm,
            })),
          },
        }
      : {}),
    modules: certificate.modules.map((module) => ({ title: module.title, passedAt: module.passedAt })),
    satisfactoryProcedures: certificate.satisfactoryProcedures,
    ...(certificate.renews ? { renews: certificate.renews } : {}),
    ...(certificate.status === 'superseded' && certificate.supersededBy && certificate.supersededByStatus
      ? { successor: { code: certificate.supersededBy, status: certificate.supersededByStatus } }
      : {}),
  };
}
