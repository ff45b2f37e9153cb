import { formatCertificateCode } from './certificate-code';
import type { AssessmentRecord, CertificateRecord, Revocation } from './records';

/**
 * The trainee's certification history: one event per change, written in the same transaction as
 * the change itself (so there is never a change without its event, or an event without its
 * change), and never updated or deleted.
 */
export interface AuditEvent {
  traineeSub: string;
  at: string;
  action: 'assessment-recorded' | 'certificate-issued' | 'certificate-renewed' | 'certificate-revoked';
  actor: { sub: string; name: string };
  /** The certificate concerned (canonical), if any. */
  code?: string;
  summary: string;
}

export const auditEvents = {
  assessmentRecorded: (record: AssessmentRecord): AuditEvent => ({
    traineeSub: record.traineeSub,
    at: record.recordedAt,
    action: 'assessment-recorded',
    actor: { sub: record.assessorSub, name: record.assessorName },
    summary: `Observed procedure recorded (${record.observedOn}): ${record.procedure}, ${record.satisfactory ? 'satisfactory' : 'not yet satisfactory'}.`,
  }),
  certificateIssued: (record: CertificateRecord): AuditEvent => ({
    traineeSub: record.traineeSub,
    at: record.issuedAt,
    action: 'certificate-issued',
    actor: record.issuedBy,
    code: record.code,
    summary: `Certificate ${formatCertificateCode(record.code)} issued, valid until ${record.expiresAt.slice(0, 10)}.`,
  }),
  certificateRenewed: (current: CertificateRecord, renewal: CertificateRecord): AuditEvent => ({
    traineeSub: renewal.traineeSub,
    at: renewal.issuedAt,
    action: 'certificate-renewed',
    actor: renewal.issuedBy,
    code: renewal.code,
    summary: `Certificate ${formatCertificateCode(current.code)} renewed as ${formatCertificateCode(renewal.code)}, valid until ${renewal.expiresAt.slice(0, 10)}.`,
  }),
  certificateRevoked: (record: CertificateRecord, revocation: Revocation): AuditEvent => ({
    traineeSub: record.traineeSub,
    at: revocation.revokedAt,
    action: 'certificate-revoked',
    actor: revocation.revokedBy,
    code: record.code,
    summary: `Certificate ${formatCertificateCode(record.code)} revoked: ${revocation.reason}`,
  }),
};
