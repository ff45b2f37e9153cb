import { randomBytes, randomUUID } from 'node:crypto';
import { canSeePerson, isSupervisorOf } from '../accounts/policy';
import type { PeopleStore } from '../accounts/ports';
import type { Assessment, Certificate, Certification, Person, RecordAssessment, RevokeCertificate } from '../api/schemas';
import { NotFound } from '../auth/errors';
import { hasRole, type Principal } from '../auth/principal';
import type { CourseModule } from '../course/types';
import { AlreadyCertified, CertificateChanged, CertificateNotActive, IdempotencyKeyReused, InvalidAssessment, NotEligible, type ErrorLocation } from '../errors';
import { idempotencyClaim } from '../idempotency';
import { auditEvents } from './audit';
import type { AttemptStore } from '../quiz/attempt-store';
import { CERTIFICATE_CODE_RANDOM_BYTES, certificateCodeFrom, formatCertificateCode } from './certificate-code';
import { isSatisfactory } from './dops';
import type { CertificationStore } from './ports';
import type { AssessmentRecord, CertificateRecord } from './records';
import { CERTIFICATION_POLICY, checkEligibility, checkRenewal, DAY_MS, expiryAfter, renewedExpiry } from './rules';
import { assessmentView, certificateView } from './views';

export interface CertificationDeps {
  catalogue: CourseModule[];
  attempts: Pick<AttemptStore, 'listByUser'>;
  people: Pick<PeopleStore, 'getPerson' | 'getOrganisation' | 'listMembers'>;
  certification: CertificationStore;
  now: () => Date;
}

/** How far back a procedure may be recorded: observations are written up soon after, not years later. */
const MAX_ASSESSMENT_AGE_DAYS = 365;

/** A trainee the viewer may see, else "not found" (someone else's trainee looks like no trainee). */
async function traineeFor(deps: CertificationDeps, viewer: Principal, traineeSub: string, allowed: (person: Person) => boolean): Promise<Person> {
  const person = await deps.people.getPerson(traineeSub);
  if (!person || person.role !== 'trainee' || !allowed(person)) throw new NotFound('Trainee');
  return person;
}

export async function certificationOf(deps: CertificationDeps, viewer: Principal, traineeSub: string): Promise<Certification> {
  const trainee = await traineeFor(deps, viewer, traineeSub, (person) => canSeePerson(viewer, person));
  const [attempts, assessments, certificate, history] = await Promise.all([
    deps.attempts.listByUser(traineeSub),
    deps.certification.listAssessments(traineeSub),
    deps.certification.certificateOf(traineeSub),
    deps.certification.listAudit(traineeSub),
  ]);
  return {
    traineeSub,
    traineeName: trainee.name,
    ...checkEligibility(deps.catalogue, attempts, assessments),
    assessments: assessments.map(assessmentView),
    history: history.map(({ at, action, actor, summary }) => ({ at, action, actorName: actor.name, summary })),
    ...(certificate ? { certificate: certificateView(certificate, deps.now()), renewal: checkRenewal(certificate, assessments, deps.now()) } : {}),
  };
}

function assessmentProblems(details: RecordAssessment, now: Date): ErrorLocation[] {
  const observed = Date.parse(`${details.observedOn}T00:00:00Z`);
  const problems: ErrorLocation[] = [];
  // A day of slack: the supervisor's today may already be tomorrow in UTC.
  if (observed > now.getTime() + DAY_MS) problems.push({ pointer: '/observedOn', message: 'The observation date is in the future.' });
  if (observed < now.getTime() - MAX_ASSESSMENT_AGE_DAYS * DAY_MS) {
    problems.push({ pointer: '/observedOn', message: `Record procedures observed in the last ${MAX_ASSESSMENT_AGE_DAYS} days.` });
  }
  if (!isSatisfactory(details.ratings) && !details.feedback) {
    problems.push({ pointer: '/feedback', message: 'Say what the trainee should improve when a domain is below the expected standard.' });
  }
  return problems;
}

/**
 * The trainee's supervisor records one observed procedure. Records are appended, never edited. A
 * retry under the same idempotency key (after a timeout, say) gets the first record back.
 */
export async function recordAssessment(
  deps: CertificationDeps,
  supervisor: Principal,
  traineeSub: string,
  details: RecordAssessment,
  idempotencyKey?: string,
): Promise<{ replayed: boolean; assessment: Assessment }> {
  await traineeFor(deps, supervisor, traineeSub, (person) => isSupervisorOf(supervisor, person));
  const now = deps.now();
  const problems = assessmentProblems(details, now);
  if (problems.length) throw new InvalidAssessment(problems);
  const record: AssessmentRecord = {
    assessmentId: randomUUID(),
    traineeSub,
    assessorSub: supervisor.sub,
    assessorName: supervisor.name,
    ...details,
    satisfactory: isSatisfactory(details.ratings),
    recordedAt: now.toISOString(),
  };
  const claim = idempotencyClaim(`${supervisor.sub}#${traineeSub}`, idempotencyKey, details, now);
  const stored = await deps.certification.addAssessment(record, auditEvents.assessmentRecorded(record), claim);
  if (stored.outcome === 'key-reused') throw new IdempotencyKeyReused();
  return { replayed: stored.outcome === 'replayed', assessment: assessmentView(stored.value) };
}

/**
 * The trainee's supervisor issues the certificate once every module is passed and enough observed
 * procedures are satisfactory. Exactly once: the store refuses a second certificate for the
 * trainee, also when two requests race past the check below.
 */
export async function issueCertificate(deps: CertificationDeps, supervisor: Principal, traineeSub: string): Promise<Certificate> {
  const trainee = await traineeFor(deps, supervisor, traineeSub, (person) => isSupervisorOf(supervisor, person));
  const [attempts, assessments, existing, organisation] = await Promise.all([
    deps.attempts.listByUser(traineeSub),
    deps.certification.listAssessments(traineeSub),
    deps.certification.certificateOf(traineeSub),
    trainee.orgId ? deps.people.getOrganisation(trainee.orgId) : undefined,
  ]);
  if (existing) throw new AlreadyCertified(formatCertificateCode(existing.code));
  const eligibility = checkEligibility(deps.catalogue, attempts, assessments);
  if (!eligibility.eligible) throw new NotEligible(eligibility.unmet);

  const now = deps.now();
  const record: CertificateRecord = {
    code: certificateCodeFrom(randomBytes(CERTIFICATE_CODE_RANDOM_BYTES)),
    traineeSub,
    holderName: trainee.name,
    ...(trainee.orgId ? { orgId: trainee.orgId } : {}),
    ...(organisation ? { organisationName: organisation.name } : {}),
    qualification: CERTIFICATION_POLICY.qualification,
    issuedAt: now.toISOString(),
    expiresAt: expiryAfter(now).toISOString(),
    issuedBy: { sub: supervisor.sub, name: supervisor.name },
    modules: eligibility.modules.map(({ moduleId, title, passedAt, attemptId }) => ({ moduleId, title, passedAt: passedAt!, attemptId: attemptId! })),
    assessmentIds: assessments.filter((assessment) => assessment.satisfactory).map((assessment) => assessment.assessmentId),
    status: 'active',
  };
  if (!(await deps.certification.issueOnce(record))) {
    const winner = await deps.certification.certificateOf(traineeSub);
    throw new AlreadyCertified(winner ? formatCertificateCode(winner.code) : 'issued moments ago');
  }
  return certificateView(record, now);
}

/**
 * The trainee's supervisor renews the certificate in its renewal window, on recent practice: a new
 * code and expiry, the old certificate marked superseded (its verification names the new one).
 * Exactly once: the write is conditional on the certificate read here still being current.
 */
export async function renewCertificate(deps: CertificationDeps, supervisor: Principal, traineeSub: string): Promise<Certificate> {
  const trainee = await traineeFor(deps, supervisor, traineeSub, (person) => isSupervisorOf(supervisor, person));
  const [current, assessments, organisation] = await Promise.all([
    deps.certification.certificateOf(traineeSub),
    deps.certification.listAssessments(traineeSub),
    trainee.orgId ? deps.people.getOrganisation(trainee.orgId) : undefined,
  ]);
  if (!current) throw new NotFound('Certificate');
  const now = deps.now();
  const renewal = checkRenewal(current, assessments, now);
  if (!renewal.eligible) throw new NotEligible(renewal.unmet);
  const record: CertificateRecord = {
    ...current,
    code: certificateCodeFrom(randomBytes(CERTIFICATE_CODE_RANDOM_BYTES)),
    holderName: trainee.name,
    ...(trainee.orgId ? { orgId: trainee.orgId } : {}),
    ...(organisation ? { organisationName: organisation.name } : {}),
    issuedAt: now.toISOString(),
    expiresAt: renewedExpiry(current, now).toISOString(),
    issuedBy: { sub: supervisor.sub, name: supervisor.name },
    assessmentIds: assessments.filter((assessment) => assessment.satisfactory && assessment.recordedAt > current.issuedAt).map((assessment) => assessment.assessmentId),
    status: 'active',
    renews: current.code,
  };
  if (!(await deps.certification.renewOnce(current, record, now.toISOString()))) throw new CertificateChanged(formatCertificateCode(current.code));
  return certificateView(record, now);
}

/** The trainee's supervisor, or a platform admin, revokes a certificate; verification shows it at once. */
export async function revokeCertificate(deps: CertificationDeps, viewer: Principal, traineeSub: string, details: RevokeCertificate): Promise<Certificate> {
  await traineeFor(deps, viewer, traineeSub, (person) => isSupervisorOf(viewer, person) || hasRole(viewer, 'platform-admin'));
  const certificate = await deps.certification.certificateOf(traineeSub);
  if (!certificate) throw new NotFound('Certificate');
  const code = formatCertificateCode(certificate.code);
  if (certificate.status !== 'active') throw new CertificateNotActive(code);
  const now = deps.now();
  const revocation = { revokedAt: now.toISOString(), revokedBy: { sub: viewer.sub, name: viewer.name }, reason: details.reason };
  if (!(await deps.certification.revoke(certificate, revocation))) throw new CertificateNotActive(code);
  return certificateView({ ...certificate, status: 'revoked', revokedAt: revocation.revokedAt, revokedBy: revocation.revokedBy, revocationReason: revocation.reason }, now);
}
