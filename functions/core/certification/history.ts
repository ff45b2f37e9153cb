import { formatCertificateCode } from './certificate-code';
import { REVOCATION_REASONS, SUSPENSION_REASONS } from './reasons';
import type { Actor, CertificateRecord, ObservedProcedureRecord, Revocation, Suspension } from './types';
import { longDate } from '../long-date';

/**
 * The trainee's certification history: one event per change, written in the same transaction as
 * the change itself (so there is never a change without its event, or an event without its
 * change), and never updated or deleted. Suspension and revocation notes are kept here for the
 * people who follow the trainee; the public never sees them.
 */
export interface HistoryEvent {
  traineeSub: string;
  at: string;
  action: HistoryAction;
  actor: Actor;
  /** The certificate concerned (canonical), if any. */
  code?: string;
  /** The certificate it follows: the one renewed, or the revoked one a new certificate was issued after. */
  previousCode?: string;
  summary: string;
}

export const HISTORY_ACTIONS = [
  'procedure-recorded',
  'feedback-acknowledged',
  'certificate-issued',
  'certificate-renewed',
  'certificate-suspended',
  'certificate-reinstated',
  'certificate-revoked',
  'reminder-sent',
  'reminder-failed',
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

const day = (timestamp: string) => timestamp.slice(0, 10);

export const historyEvents = {
  procedureRecorded: (record: ObservedProcedureRecord): HistoryEvent => ({
    traineeSub: record.traineeSub,
    at: record.recordedAt,
    action: 'procedure-recorded',
    actor: { sub: record.assessorSub, name: record.assessorName },
    // The history line gives the day it was recorded; the day observed is said only when it differs.
    summary:
      `Observed procedure recorded: ${record.procedure}, ${record.satisfactory ? 'satisfactory' : 'not yet satisfactory'}` +
      `${record.observedOn === record.recordedAt.slice(0, 10) ? '' : ` (observed ${longDate(record.observedOn)})`}.`,
  }),
  feedbackAcknowledged: (record: ObservedProcedureRecord, trainee: Actor, at: string): HistoryEvent => ({
    traineeSub: record.traineeSub,
    at,
    action: 'feedback-acknowledged',
    actor: trainee,
    summary: `Feedback on the procedure observed on ${record.observedOn} (${record.procedure}) acknowledged.`,
  }),
  certificateIssued: (record: CertificateRecord): HistoryEvent => ({
    traineeSub: record.traineeSub,
    at: record.issuedAt,
    action: 'certificate-issued',
    actor: record.issuedBy,
    code: record.code,
    ...(record.replaces ? { previousCode: record.replaces } : {}),
    summary: record.replaces
      ? `Certificate ${formatCertificateCode(record.code)} issued on new evidence after the revocation of ` +
        `${formatCertificateCode(record.replaces)}, valid until ${day(record.expiresAt)}.`
      : `Certificate ${formatCertificateCode(record.code)} issued, valid until ${day(record.expiresAt)}.`,
  }),
  certificateRenewed: (current: CertificateRecord, renewal: CertificateRecord): HistoryEvent => ({
    traineeSub: renewal.traineeSub,
    at: renewal.issuedAt,
    action: 'certificate-renewed',
    actor: renewal.issuedBy,
    code: renewal.code,
    previousCode: current.code,
    summary:
      `Certificate ${formatCertificateCode(current.code)} renewed as ${formatCertificateCode(renewal.code)}, ` +
      `valid until ${day(renewal.expiresAt)}.`,
  }),
  certificateSuspended: (record: CertificateRecord, suspension: Suspension): HistoryEvent => ({
    traineeSub: record.traineeSub,
    at: suspension.at,
    action: 'certificate-suspended',
    actor: suspension.by,
    code: record.code,
    summary:
      `Certificate ${formatCertificateCode(record.code)} suspended (${SUSPENSION_REASONS[suspension.category]}` +
      `${suspension.reviewOn ? `; review on ${suspension.reviewOn}` : ''}): ${suspension.note}`,
  }),
  certificateReinstated: (record: CertificateRecord, by: Actor, at: string, note: string): HistoryEvent => ({
    traineeSub: record.traineeSub,
    at,
    action: 'certificate-reinstated',
    actor: by,
    code: record.code,
    summary: `Certificate ${formatCertificateCode(record.code)} reinstated: ${note}`,
  }),
  certificateRevoked: (record: CertificateRecord, revocation: Revocation): HistoryEvent => ({
    traineeSub: record.traineeSub,
    at: revocation.at,
    action: 'certificate-revoked',
    actor: revocation.by,
    code: record.code,
    summary: `Certificate ${formatCertificateCode(record.code)} revoked (${REVOCATION_REASONS[revocation.category]}): ${revocation.note}`,
  }),
};
