import { formatCertificateCode } from './certificate-code';
import type { ObservedProcedureRecord, CertificateRecord, Revocation } from './types';

/**
 * The trainee's certification history: one event per change, written in the same transaction as
 * the change itself (so there is never a change without its event, or an event without its
 * change), and never updated or deleted.
 */
export interface HistoryEvent {
  traineeSub: string;
  at: string;
  action: 'procedure-recorded' | 'certificate-issued' | 'certificate-renewed' | 'certificate-revoked';
  actor: { sub: string; name: string };
  /** The certificate concerned (canonical), if any. */
  code?: string;
  summary: string;
}

export const historyEvents = {
  procedureRecorded: (record: ObservedProcedureRecord): HistoryEvent => ({
    traineeSub: record.traineeSub,
    at: record.recordedAt,
    action: 'procedure-recorded',
    actor: { sub: record.assessorSub, name: record.assessorName },
    summary: `Observed procedure recorded (${record.observedOn}): ${record.procedure}, ${record.satisfactory ? 'satisfactory' : 'not yet satisfactory'}.`,
  }),
  certificateIssued: (record: CertificateRecord): HistoryEvent => ({
    traineeSub: record.traineeSub,
    at: record.issuedAt,
    action: 'certificate-issued',
    actor: record.issuedBy,
    code: record.code,
    summary: `Certificate ${formatCertificateCode(record.code)} issued, valid until ${record.expiresAt.slice(0, 10)}.`,
  }),
  certificateRenewed: (current: CertificateRecord, renewal: CertificateRecord): HistoryEvent => ({
    traineeSub: renewal.traineeSub,
    at: renewal.issuedAt,
    action: 'certificate-renewed',
    actor: renewal.issuedBy,
    code: renewal.code,
    summary:
      `Certificate ${formatCertificateCode(current.code)} renewed as ${formatCertificateCode(renewal.code)}, ` +
      `valid until ${renewal.expiresAt.slice(0, 10)}.`,
  }),
  certificateRevoked: (record: CertificateRecord, revocation: Revocation): HistoryEvent => ({
    traineeSub: record.traineeSub,
    at: revocation.revokedAt,
    action: 'certificate-revoked',
    actor: revocation.revokedBy,
    code: record.code,
    summary: `Certificate ${formatCertificateCode(record.code)} revoked: ${revocation.reason}`,
  }),
};
