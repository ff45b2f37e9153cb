import type { CertificationSettings, CourseModule } from '../course/types';
import type { AttemptRecord } from '../quiz/types';
import { longDate } from '../long-date';
import type { CertificateRecord, NextIssuer, ObservedProcedureRecord } from './types';

/**
 * What a certificate requires and how long it lasts, with the numbers from courses/course.yaml
 * (`certification`): pure functions of the records, so the use cases, the reminders and the tests
 * all decide the same way.
 */

export const DAY_MS = 86_400_000;

export interface ModuleRequirement {
  moduleId: string;
  title: string;
  passed: boolean;
  passedAt?: string;
  attemptId?: string;
}

export interface Eligibility {
  eligible: boolean;
  modules: ModuleRequirement[];
  satisfactoryProcedures: number;
  requiredSatisfactoryProcedures: number;
  /** Different assessors among the satisfactory procedures counted. */
  distinctAssessors: number;
  requiredDistinctAssessors: number;
  /** Satisfactory procedures the trainee performed independently. */
  independentProcedures: number;
  requiredIndependentProcedures: number;
  /** After a revocation, only passes and procedures after this time count (the revocation's). */
  countsFrom?: string;
  /** The satisfactory procedures counted, for the certificate's evidence. */
  procedureIds: string[];
  /** Human-readable reasons it is not (yet) eligible; empty when eligible. */
  unmet: string[];
}

/** The first passing submission of each module after `from` (if given), or none. Any content version counts. */
function firstPass(moduleId: string, attempts: AttemptRecord[], from?: string): { passedAt: string; attemptId: string } | undefined {
  const passes = attempts
    .filter((attempt) => attempt.moduleId === moduleId && attempt.submission?.passed && (!from || attempt.submission.submittedAt > from))
    .sort((a, b) => (a.submission!.submittedAt < b.submission!.submittedAt ? -1 : 1));
  return passes[0] && { passedAt: passes[0].submission!.submittedAt, attemptId: passes[0].attemptId };
}

/** Whether an observed procedure counts as evidence after `from`: observed and recorded after it. */
export const observedAfter = (procedure: Pick<ObservedProcedureRecord, 'recordedAt' | 'observedOn'>, from?: string) =>
  !from || (procedure.recordedAt > from && procedure.observedOn >= from.slice(0, 10));

/**
 * A certificate needs every module passed on the server and enough satisfactory observed
 * procedures, from enough different assessors, with enough performed independently. After a
 * revocation (`revokedAt`), the way back is the same on new evidence: passes and procedures after it.
 */
export function checkEligibility(
  modulesOfCourse: readonly CourseModule[],
  settings: CertificationSettings,
  attempts: AttemptRecord[],
  procedures: ObservedProcedureRecord[],
  revokedAt?: string,
): Eligibility {
  const modules = modulesOfCourse.map((module): ModuleRequirement => {
    const pass = firstPass(module.moduleId, attempts, revokedAt);
    return {
      moduleId: module.moduleId,
      title: module.title,
      passed: Boolean(pass),
      ...(pass ? { passedAt: pass.passedAt, attemptId: pass.attemptId } : {}),
    };
  });
  const counted = procedures.filter((procedure) => procedure.satisfactory && observedAfter(procedure, revokedAt));
  const rules = settings.firstCertificate;
  const required = revokedAt ? settings.afterRevocation.satisfactoryProcedures : rules.satisfactoryProcedures;
  const assessors = new Set(counted.map((procedure) => procedure.assessorSub)).size;
  const independent = counted.filter((procedure) => procedure.entrustment === 'independent').length;
  const notPassed = modules.filter((module) => !module.passed);
  const since = revokedAt ? ` since the revocation on ${longDate(revokedAt)}` : '';
  const unmet = [
    ...(notPassed.length ? [`Modules not yet passed${since}: ${notPassed.map((module) => module.title).join(', ')}.`] : []),
    ...(counted.length < required ? [`Satisfactory observed procedures${since}: ${counted.length} of ${required}.`] : []),
    ...(assessors < rules.distinctAssessors ? [`Different assessors among them: ${assessors} of ${rules.distinctAssessors}.`] : []),
    ...(independent < rules.independentProcedures
      ? [`Performed independently (no help needed): ${independent} of ${rules.independentProcedures}.`]
      : []),
  ];
  return {
    eligible: unmet.length === 0,
    modules,
    satisfactoryProcedures: counted.length,
    requiredSatisfactoryProcedures: required,
    distinctAssessors: assessors,
    requiredDistinctAssessors: rules.distinctAssessors,
    independentProcedures: independent,
    requiredIndependentProcedures: rules.independentProcedures,
    ...(revokedAt ? { countsFrom: revokedAt } : {}),
    procedureIds: counted.map((procedure) => procedure.procedureId),
    unmet,
  };
}

/**
 * Who issues the trainee's next certificate. Their supervisor, normally and after their own
 * revocation. After a revocation by a platform admin (the certifying body overriding the clinic),
 * one for false evidence (which discredits the supervisor's records), or any revocation of a
 * certificate a platform admin had acted on (platformAdminHold), a platform admin does, on the new
 * evidence the supervisor records: the supervisor alone cannot undo it.
 */
export const issuerOfNext = (certificate: CertificateRecord | undefined): NextIssuer =>
  certificate?.status === 'revoked' &&
  (certificate.platformAdminHold || certificate.revocation?.byPlatformAdmin || certificate.revocation?.category === 'false-evidence')
    ? 'platform-admin'
    : 'supervisor';

/** The expiry date: the same day of the month, `months` later (clamped to the month's last day). */
export function expiryAfter(issuedAt: Date, months: number): Date {
  const expiry = new Date(issuedAt);
  const day = expiry.getUTCDate();
  expiry.setUTCDate(1);
  expiry.setUTCMonth(expiry.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(expiry.getUTCFullYear(), expiry.getUTCMonth() + 1, 0)).getUTCDate();
  expiry.setUTCDate(Math.min(day, lastDay));
  return expiry;
}

export interface RenewalCheck {
  eligible: boolean;
  /** When the renewal window opens (it stays open after expiry). */
  opensAt: string;
  satisfactorySinceIssue: number;
  requiredSatisfactorySinceIssue: number;
  unmet: string[];
}

/**
 * A certificate is renewed, not re-earned: within the renewal window before expiry (or after it),
 * on evidence of recent practice: satisfactory observed procedures since it was issued. A
 * suspended certificate is reinstated first; a revoked one is never renewed.
 */
export function checkRenewal(
  settings: CertificationSettings,
  certificate: CertificateRecord,
  procedures: ObservedProcedureRecord[],
  now: Date,
): RenewalCheck {
  const { windowDays, satisfactoryProcedures: required } = settings.renewal;
  const opensAt = new Date(Date.parse(certificate.expiresAt) - windowDays * DAY_MS);
  const recent = procedures.filter((procedure) => procedure.satisfactory && procedure.recordedAt > certificate.issuedAt).length;
  const unmet = [
    ...(certificate.status === 'revoked' ? ['A revoked certificate cannot be renewed.'] : []),
    ...(certificate.status === 'suspended' ? ['A suspended certificate cannot be renewed until it is reinstated.'] : []),
    ...(certificate.status === 'active' && now < opensAt
      ? [`Renewal opens on ${longDate(opensAt.toISOString())}, ${windowDays} days before expiry.`]
      : []),
    ...(recent < required ? [`Satisfactory observed procedures since this certificate was issued: ${recent} of ${required}.`] : []),
  ];
  return {
    eligible: unmet.length === 0,
    opensAt: opensAt.toISOString(),
    satisfactorySinceIssue: recent,
    requiredSatisfactorySinceIssue: required,
    unmet,
  };
}

/** A renewal runs on from the old expiry when renewed early, so renewing in good time loses nothing. */
export const renewedExpiry = (settings: CertificationSettings, certificate: Pick<CertificateRecord, 'expiresAt'>, now: Date) =>
  expiryAfter(new Date(Math.max(now.getTime(), Date.parse(certificate.expiresAt))), settings.validityMonths);
