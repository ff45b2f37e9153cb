import { canSeeOrganisation } from '../accounts/policy';
import type { Roster } from '../api/schemas';
import { NotFound } from '../auth/errors';
import type { Principal } from '../auth/principal';
import { formatCertificateCode } from './certificate-code';
import { DAY_MS } from './rules';
import type { CertificationDeps } from './use-cases';
import { certificateStatus } from './views';

/** Certificates expiring within this many days are flagged on the roster, so renewal can be planned. */
export const EXPIRING_SOON_DAYS = 60;

/**
 * An organisation's staff roster: every trainee and practitioner with the status of their
 * certificate, for its supervisors and clinic admins (and platform admins). Two reads: the people
 * and the certificates, both in the organisation's index partition.
 */
export async function rosterOf(deps: CertificationDeps, viewer: Principal, orgId: string): Promise<Roster> {
  const organisation = canSeeOrganisation(viewer, orgId) ? await deps.people.getOrganisation(orgId) : undefined;
  if (!organisation) throw new NotFound(`Organisation ${orgId}`);
  const [members, certificates] = await Promise.all([deps.people.listMembers(orgId), deps.certification.certificatesIn(orgId)]);
  const bySub = new Map(certificates.map((certificate) => [certificate.traineeSub, certificate]));
  const now = deps.now();
  const soon = now.getTime() + EXPIRING_SOON_DAYS * DAY_MS;
  const people = members
    .filter((person) => person.role === 'trainee')
    .map((person) => {
      const certificate = bySub.get(person.sub);
      const status = certificate ? certificateStatus(certificate, now) : undefined;
      return {
        sub: person.sub,
        name: person.name,
        email: person.email,
        ...(certificate && status
          ? {
              certificate: {
                code: formatCertificateCode(certificate.code),
                status,
                issuedAt: certificate.issuedAt,
                expiresAt: certificate.expiresAt,
                expiringSoon: status === 'valid' && Date.parse(certificate.expiresAt) <= soon,
              },
            }
          : {}),
      };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const count = (status: string) => people.filter((person) => person.certificate?.status === status).length;
  return {
    orgId,
    organisationName: organisation.name,
    people,
    summary: { valid: count('valid'), expiringSoon: people.filter((person) => person.certificate?.expiringSoon).length, expired: count('expired'), revoked: count('revoked'), notCertified: people.filter((person) => !person.certificate).length },
  };
}
