import type { Assessment, Certificate, CertificateStatus, Verification } from '../api/responses';
import { formatCertificateCode } from './certificate-code';
import type { AssessmentRecord, CertificateRecord } from './records';

export function certificateStatus(record: CertificateRecord, now: Date): CertificateStatus {
  if (record.status === 'revoked') return 'revoked';
  if (record.status === 'superseded') return 'superseded';
  return Date.parse(record.expiresAt) <= now.getTime() ? 'expired' : 'valid';
}

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
    ...(record.supersededBy ? { supersededBy: formatCertificateCode(record.supersededBy), supersededAt: dateOf(record.supersededAt!) } : {}),
    ...(record.renews ? { renews: formatCertificateCode(record.renews) } : {}),
    modules: record.modules.map(({ title, passedAt }) => ({ title, passedAt: dateOf(passedAt) })),
    satisfactoryAssessments: record.assessmentIds.length,
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

export function assessmentView(record: AssessmentRecord): Assessment {
  const { assessmentId, observedOn, procedure, ratings, satisfactory, feedback, assessorName, recordedAt } = record;
  return { assessmentId, observedOn, procedure, ratings, satisfactory, feedback, assessorName, recordedAt };
}
