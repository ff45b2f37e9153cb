import type { CourseModule } from '../course/types';
import type { AttemptRecord } from '../quiz/types';
import type { ObservedProcedureRecord, CertificateRecord } from './types';

/**
 * What a certificate requires and how long it lasts. Three satisfactory observed procedures is
 * the platform's default for a first certificate; two years matches the refresher cycle clinics
 * commonly use for aesthetic procedures.
 */
export const CERTIFICATION_POLICY = {
  qualification: 'Collagen induction therapy (microneedling) practitioner',
  requiredSatisfactoryProcedures: 3,
  validityMonths: 24,
  /** Renewal opens this many days before expiry (and stays open after it). */
  renewalWindowDays: 90,
  /** Recent practice: satisfactory observed procedures since the current certificate was issued. */
  renewalSatisfactoryProcedures: 1,
} as const;

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
  /** Human-readable reasons it is not (yet) eligible; empty when eligible. */
  unmet: string[];
}

/** The first passing submission of each module, or none. Any content version counts: a pass is not undone by a later edit. */
function firstPass(moduleId: string, attempts: AttemptRecord[]): { passedAt: string; attemptId: string } | undefined {
  const passes = attempts
    .filter((attempt) => attempt.moduleId === moduleId && attempt.submission?.passed)
    .sort((a, b) => (a.submission!.submittedAt < b.submission!.submittedAt ? -1 : 1));
  return passes[0] && { passedAt: passes[0].submission!.submittedAt, attemptId: passes[0].attemptId };
}

/** A certificate needs every module passed on the server and enough satisfactory observed procedures. */
export function checkEligibility(catalogue: CourseModule[], attempts: AttemptRecord[], procedures: ObservedProcedureRecord[]): Eligibility {
  const modules = catalogue.map((module): ModuleRequirement => {
    const pass = firstPass(module.moduleId, attempts);
    return {
      moduleId: module.moduleId,
      title: module.title,
      passed: Boolean(pass),
      ...(pass ? { passedAt: pass.passedAt, attemptId: pass.attemptId } : {}),
    };
  });
  const satisfactory = procedures.filter((procedure) => procedure.satisfactory).length;
  const required = CERTIFICATION_POLICY.requiredSatisfactoryProcedures;
  const notPassed = modules.filter((module) => !module.passed);
  const unmet = [
    ...(notPassed.length ? [`Modules not yet passed: ${notPassed.map((module) => module.title).join(', ')}.`] : []),
    ...(satisfactory < required ? [`Satisfactory observed procedures: ${satisfactory} of ${required}.`] : []),
  ];
  return { eligible: unmet.length === 0, modules, satisfactoryProcedures: satisfactory, requiredSatisfactoryProcedures: required, unmet };
}

/** The expiry date: the same day of the month, validityMonths later (clamped to the month's last day). */
export function expiryAfter(issuedAt: Date, months: number = CERTIFICATION_POLICY.validityMonths): Date {
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

export const DAY_MS = 86_400_000;

/**
 * A certificate is renewed, not re-earned: within 90 days of expiry (or after it), on evidence of
 * recent practice: a satisfactory observed procedure since it was issued. A revoked certificate is
 * not renewed.
 */
export function checkRenewal(certificate: CertificateRecord, procedures: ObservedProcedureRecord[], now: Date): RenewalCheck {
  const opensAt = new Date(Date.parse(certificate.expiresAt) - CERTIFICATION_POLICY.renewalWindowDays * DAY_MS);
  const recent = procedures.filter((procedure) => procedure.satisfactory && procedure.recordedAt > certificate.issuedAt).length;
  const required = CERTIFICATION_POLICY.renewalSatisfactoryProcedures;
  const unmet = [
    ...(certificate.status === 'revoked' ? ['A revoked certificate cannot be renewed.'] : []),
    ...(certificate.status === 'active' && now < opensAt
      ? [`Renewal opens on ${opensAt.toISOString().slice(0, 10)}, ${CERTIFICATION_POLICY.renewalWindowDays} days before expiry.`]
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
export const renewedExpiry = (certificate: CertificateRecord, now: Date) =>
  expiryAfter(new Date(Math.max(now.getTime(), Date.parse(certificate.expiresAt))));
