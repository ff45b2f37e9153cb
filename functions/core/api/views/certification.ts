import { formatCertificateCode } from '../../certification/certificate-code';
import { REVOCATION_REASONS, SUSPENSION_REASONS } from '../../certification/reasons';
import type { StaffRoster } from '../../certification/roster';
import { describeLimits, type ScopeOfPractice } from '../../certification/scope';
import { certificateStatus } from '../../certification/status';
import type { CertificateRecord, ObservedProcedureRecord, TraineeCertification } from '../../certification/types';
import type { VerifiedCertificate } from '../../certification/verification';
import type { Certificate, Certification, ObservedProcedure, Roster, Verification } from '../responses';

/** The certification API's answers, built from the records the certification use cases return. */

/** A calendar date (UTC) of a timestamp: what the public needs to know of when. */
const dateOf = (timestamp: string) => timestamp.slice(0, 10);

const scopeView = (scope: ScopeOfPractice) => ({ areas: scope.areas.map((area) => ({ ...area, limits: describeLimits(area) })) });

/**
 * The public answer to "is this certificate real and current, and what may the holder do?": who,
 * what, its status and the dates that matter. Dates, not timestamps: when a trainee sat a quiz to
 * the millisecond is their record's business, not a visitor's. No reason for a suspension or a
 * revocation: those are for the people who follow the holder. The status is decided on the exact time.
 * A superseded certificate names its renewal and, when verification read it, that renewal's status
 * now: a clinic sent on to it learns at once whether it is still valid.
 */
export function verificationView(record: VerifiedCertificate, now: Date): Verification {
  return {
    code: formatCertificateCode(record.code),
    status: certificateStatus(record, now),
    holderName: record.holderName,
    ...(record.organisationName ? { organisationName: record.organisationName } : {}),
    qualification: record.qualification,
    scope: scopeView(record.scope),
    issuedAt: dateOf(record.issuedAt),
    expiresAt: dateOf(record.expiresAt),
    issuedBy: record.issuedBy.name,
    ...(record.status === 'suspended' && record.suspension ? { suspendedAt: dateOf(record.suspension.at) } : {}),
    ...(record.revocation ? { revokedAt: dateOf(record.revocation.at) } : {}),
    ...(record.supersededBy
      ? { supersededBy: formatCertificateCode(record.supersededBy), supersededAt: dateOf(record.supersededAt!) }
      : {}),
    ...(record.supersededBy && record.successor?.code === record.supersededBy
      ? { supersededByStatus: certificateStatus(record.successor, now) }
      : {}),
    ...(record.renews ? { renews: formatCertificateCode(record.renews) } : {}),
    ...(record.replaces ? { replaces: formatCertificateCode(record.replaces) } : {}),
    modules: record.modules.map(({ title, passedAt }) => ({ title, passedAt: dateOf(passedAt) })),
    satisfactoryProcedures: record.procedureIds.length,
  };
}

/** The certificate as its holder and those who follow them see it: exact times, the evidence, the reasons. */
export function certificateView(record: CertificateRecord, now: Date): Certificate {
  const { suspension, revocation } = record;
  return {
    ...verificationView(record, now),
    issuedAt: record.issuedAt,
    expiresAt: record.expiresAt,
    ...(record.status === 'suspended' && suspension
      ? { suspendedAt: suspension.at, suspension: { ...suspension, reason: SUSPENSION_REASONS[suspension.category] } }
      : {}),
    ...(revocation ? { revokedAt: revocation.at, revocation: { ...revocation, reason: REVOCATION_REASONS[revocation.category] } } : {}),
    ...(record.supersededAt ? { supersededAt: record.supersededAt } : {}),
    ...(record.evidenceFrom ? { evidenceFrom: record.evidenceFrom } : {}),
    modules: record.modules,
  };
}

export function observedProcedureView(record: ObservedProcedureRecord): ObservedProcedure {
  const { traineeSub: _trainee, assessorSub: _assessor, ...shown } = record;
  return shown;
}

/** A trainee's certification record, with their certificate as it stands now. */
export function certificationView(
  { trainee, eligibility, nextCertificateBy, procedures, certificate, renewal, history }: TraineeCertification,
  now: Date,
): Certification {
  const { procedureIds: _evidence, ...standing } = eligibility;
  return {
    traineeSub: trainee.sub,
    traineeName: trainee.name,
    ...standing,
    nextCertificateBy,
    observedProcedures: procedures.map(observedProcedureView),
    history: history.map(({ at, action, actor, code, previousCode, summary }) => ({
      at,
      action,
      actorName: actor.name,
      ...(code ? { code: formatCertificateCode(code) } : {}),
      ...(previousCode ? { previousCode: formatCertificateCode(previousCode) } : {}),
      summary,
    })),
    ...(certificate ? { certificate: certificateView(certificate, now) } : {}),
    ...(renewal ? { renewal } : {}),
  };
}

/** What a clinic watches: each person and their certificate's code, status, dates and scope. */
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
              scope: scopeView(certificate.record.scope),
            },
          }
        : {}),
    })),
    summary,
  };
}
