import { formatCertificateCode } from '../../certification/certificate-code';
import { certificateStatus } from '../../certification/status';
import type { StaffRoster } from '../../certification/roster';
import type { CertificateRecord, ObservedProcedureRecord, TraineeCertification } from '../../certification/types';
import type { Certificate, Certification, ObservedProcedure, Roster, Verification } from '../responses';

/** The certification API's answers, built from the records the certification use cases return. */

/** A calendar date (UTC) of a timestamp: what the public needs to know of when. */
const dateOf = (timestamp: string) => timestamp.slice(0, 10);

/**
 * The public answer to "is this certificate real and current?": who, what, its status and the
 * dates that matter. Dates, not timestamps: when a trainee sat a quiz to the millisecond is their
 * record's business, not a visitor's. The status itself is decided on the exact time.
 */
export function verificationView(record: CertificateRecord, now: Date): Verification {
  return {
    code: formatCertificateCode(record.code),
    status: certificateStatus(record, now),
    holderName: record.holderName,
    ...(record.organisationName ? { organisationName: record.organisationName } : {}),
    qualification: record.qualification,
    issuedAt: dateOf(record.issuedAt),
    expiresAt: dateOf(record.expiresAt),
    issuedBy: record.issuedBy.name,
    ...(record.revokedAt ? { revokedAt: dateOf(record.revokedAt) } : {}),
    ...(record.supersededBy
      ? { supersededBy: formatCertificateCode(record.supersededBy), supersededAt: dateOf(record.supersededAt!) }
      : {}),
    ...(record.renews ? { renews: formatCertificateCode(record.renews) } : {}),
    modules: record.modules.map(({ title, passedAt }) => ({ title, passedAt: dateOf(passedAt) })),
    satisfactoryProcedures: record.procedureIds.length,
  };
}

/** The certificate as its holder and those who follow them see it: exact times, the evidence, the revocation reason. */
export function certificateView(record: CertificateRecord, now: Date): Certificate {
  return {
    ...verificationView(record, now),
    issuedAt: record.issuedAt,
    expiresAt: record.expiresAt,
    ...(record.revokedAt ? { revokedAt: record.revokedAt } : {}),
    ...(record.supersededAt ? { supersededAt: record.supersededAt } : {}),
    modules: record.modules,
    ...(record.revocationReason ? { revocationReason: record.revocationReason } : {}),
  };
}

export function observedProcedureView(record: ObservedProcedureRecord): ObservedProcedure {
  const { procedureId, observedOn, procedure, ratings, satisfactory, feedback, assessorName, recordedAt } = record;
  return { procedureId, observedOn, procedure, ratings, satisfactory, feedback, assessorName, recordedAt };
}

/** A trainee's certification record, with their certificate as it stands now. */
export function certificationView(
  { trainee, eligibility, procedures, certificate, renewal, history }: TraineeCertification,
  now: Date,
): Certification {
  return {
    traineeSub: trainee.sub,
    traineeName: trainee.name,
    ...eligibility,
    observedProcedures: procedures.map(observedProcedureView),
    history: history.map(({ at, action, actor, summary }) => ({ at, action, actorName: actor.name, summary })),
    ...(certificate ? { certificate: certificateView(certificate, now), renewal } : {}),
  };
}

/** What a clinic watches: each person and their certificate's code, status and dates. */
export function rosterView({ organisation, entries, summary }: StaffRoster): Roster {
  return {
    orgId: organisation.orgId,
    organisationName: organisation.name,
    people: entries.map(({ person, certificate }) => ({
      sub: person.sub,
      name: person.name,
      email: person.email,
      ...(certificate
        ? {
            certificate: {
              code: formatCertificateCode(certificate.record.code),
              status: certificate.status,
              issuedAt: certificate.record.issuedAt,
              expiresAt: certificate.record.expiresAt,
              expiringSoon: certificate.expiringSoon,
            },
          }
        : {}),
    })),
    summary,
  };
}
