import type { CourseModule } from '../course/types';
import type { AttemptRecord } from '../quiz/attempt-store';
import type { AssessmentRecord } from './records';

/**
 * What a certificate requires and how long it lasts. Three satisfactory observed procedures is
 * the platform's default for a first certificate; two years matches the refresher cycle clinics
 * commonly use for aesthetic procedures.
 */
export const CERTIFICATION_POLICY = {
  qualification: 'Collagen induction therapy (microneedling) practitioner',
  requiredSatisfactoryAssessments: 3,
  validityMonths: 24,
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
  satisfactoryAssessments: number;
  requiredSatisfactoryAssessments: number;
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
export function checkEligibility(catalogue: CourseModule[], attempts: AttemptRecord[], assessments: AssessmentRecord[]): Eligibility {
  const modules = catalogue.map((module): ModuleRequirement => {
    const pass = firstPass(module.moduleId, attempts);
    return { moduleId: module.moduleId, title: module.title, passed: Boolean(pass), ...(pass ? { passedAt: pass.passedAt, attemptId: pass.attemptId } : {}) };
  });
  const satisfactory = assessments.filter((assessment) => assessment.satisfactory).length;
  const required = CERTIFICATION_POLICY.requiredSatisfactoryAssessments;
  const notPassed = modules.filter((module) => !module.passed);
  const unmet = [
    ...(notPassed.length ? [`Modules not yet passed: ${notPassed.map((module) => module.title).join(', ')}.`] : []),
    ...(satisfactory < required ? [`Satisfactory observed procedures: ${satisfactory} of ${required}.`] : []),
  ];
  return { eligible: unmet.length === 0, modules, satisfactoryAssessments: satisfactory, requiredSatisfactoryAssessments: required, unmet };
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
