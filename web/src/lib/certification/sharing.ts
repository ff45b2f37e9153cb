import type { Verification } from '$core/api/schemas';

/**
 * LinkedIn's documented "Add to profile" link for a certification: the qualification, CIT Academy
 * as issuer, issue and expiry month and year, the verification link and the code. The holder
 * reviews it on LinkedIn before saving; nothing is sent until they do.
 */
export function addToLinkedInUrl(certificate: Pick<Verification, 'qualification' | 'issuedAt' | 'expiresAt' | 'code'>, verifyUrl: string) {
  const [issueYear, issueMonth] = certificate.issuedAt.slice(0, 7).split('-').map(Number);
  const [expirationYear, expirationMonth] = certificate.expiresAt.slice(0, 7).split('-').map(Number);
  const query = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name: certificate.qualification,
    organizationName: 'CIT Academy',
    issueYear: String(issueYear),
    issueMonth: String(issueMonth),
    expirationYear: String(expirationYear),
    expirationMonth: String(expirationMonth),
    certUrl: verifyUrl,
    certId: certificate.code,
  });
  return `https://www.linkedin.com/profile/add?${query}`;
}
