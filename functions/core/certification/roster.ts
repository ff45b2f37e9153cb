import { canSeeOrganisation } from '../accounts/policy';
import type { Organisation, Person } from '../accounts/types';
import type { Principal } from '../auth/principal';
import { NotFound } from '../errors';
import { DAY_MS } from './rules';
import { certificateStatus, type CertificateStatus } from './status';
import type { CertificationSettings } from '../course/types';
import type { CertificateRecord } from './types';
import type { PeopleStore } from '../accounts/ports';
import type { CertificationStore } from './ports';

/** One person on a roster, with their certificate as it stands now. */
export interface RosterEntry {
  person: Person;
  certificate?: { record: CertificateRecord; status: CertificateStatus; expiringSoon: boolean };
}

export interface StaffRoster {
  organisation: Organisation;
  /** By name. */
  entries: RosterEntry[];
  summary: { valid: number; expiringSoon: number; expired: number; suspended: number; revoked: number; notCertified: number };
}

const byName = (a: RosterEntry, b: RosterEntry) => (a.person.name < b.person.name ? -1 : a.person.name > b.person.name ? 1 : 0);

/**
 * An organisation's staff roster: every trainee and practitioner with the status of their
 * certificate, for its supervisors and clinic admins (and platform admins). Two reads: the people
 * and the certificates, both in the organisation's index partition.
 */
export interface RosterDeps {
  /** Certificates in their renewal window are flagged, the days before expiry when renewal opens and the first reminder goes out. */
  course: { certification: Pick<CertificationSettings, 'renewal'> };
  people: Pick<PeopleStore, 'getOrganisation' | 'listMembers'>;
  certification: Pick<CertificationStore, 'organisationCertificates'>;
  now: () => Date;
}

export async function rosterOf(deps: RosterDeps, viewer: Principal, orgId: string): Promise<StaffRoster> {
  const organisation = canSeeOrganisation(viewer, orgId) ? await deps.people.getOrganisation(orgId) : undefined;
  if (!organisation) throw new NotFound(`Organisation ${orgId}`);
  const [members, certificates] = await Promise.all([deps.people.listMembers(orgId), deps.certification.organisationCertificates(orgId)]);
  const bySub = new Map(certificates.map((certificate) => [certificate.traineeSub, certificate]));
  const now = deps.now();
  const soon = now.getTime() + deps.course.certification.renewal.windowDays * DAY_MS;
  const entries = members
    .filter((person) => person.role === 'trainee')
    .map((person): RosterEntry => {
      const record = bySub.get(person.sub);
      if (!record) return { person };
      const status = certificateStatus(record, now);
      return { person, certificate: { record, status, expiringSoon: status === 'valid' && Date.parse(record.expiresAt) <= soon } };
    })
    .sort(byName);
  const count = (status: CertificateStatus) => entries.filter((entry) => entry.certificate?.status === status).length;
  return {
    organisation,
    entries,
    summary: {
      valid: count('valid'),
      expiringSoon: entries.filter((entry) => entry.certificate?.expiringSoon).length,
      expired: count('expired'),
      suspended: count('suspended'),
      revoked: count('revoked'),
      notCertified: entries.filter((entry) => !entry.certificate).length,
    },
  };
}
