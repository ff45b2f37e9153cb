import type { Assessment, Certificate, CertificateStatus, Verification } from '../api/responses';
import { formatCertificateCode } from './certificate-code';
import type { AssessmentRecord, CertificateRecord } from './records';

export function certificateStatus(record: CertificateRecord, now: Date): CertificateStatus {
  if (record.status === 'revoked') return 'revoked';
  if (record.status === 'superseded') return 'superseded';
  return Date.parse(record.expiresAt) <= now.getTime() ? 'expired' : 'valid';
}

/** The public answer to "is this certificate real and current?". */
export function verificationView(record: CertificateRecord, now: Date): Verification {
  return {
    code: formatCertificateCode(record.code),
    status: certificateStatus(record, now),
    holderName: record.holderName,
    ...(record.organisationName ? { organisationName: record.organisationName } : {}),
    qualification: record.qualification,
    issuedAt: record.issuedAt,
    expiresAt: record.expiresAt,
    issuedBy: record.issuedBy.name,
    ...(record.revokedAt ? { revokedAt: record.revokedAt } : {}),
    ...(record.supersededBy ? { supersededBy: formatCertificateCode(record.supersededBy), supersededAt: record.supersededAt } : {}),
    ...(record.renews ? { renews: formatCertificateCode(record.renews) } : {}),
    modules: record.modules.map(({ title, passedAt }) => ({ title, passedAt })),
    satisfactoryAssessments: record.assessmentIds.length,
  };
}

export function certificateView(record: CertificateRecord, now: Date): Certificate {
  return {
    ...verificationView(record, now),
    modules: record.modules,
    ...(record.revocationReason ? { revocationReason: record.revocationReason } : {}),
  };
}

export function assessmentView(record: AssessmentRecord): Assessment {
  const { assessmentId, observedOn, procedure, ratings, satisfactory, feedback, assessorName, recordedAt } = record;
  return { assessmentId, observedOn, procedure, ratings, satisfactory, feedback, assessorName, recordedAt };
}
