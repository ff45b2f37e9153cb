import { randomBytes, randomUUID } from 'node:crypto';
import { canSeePerson, isSupervisorOf } from '../accounts/policy';
import type { PeopleStore } from '../accounts/ports';
import type { Person } from '../accounts/types';
import { hasRole, type Principal } from '../auth/principal';
import type { CourseModule } from '../course/types';
import { IdempotencyKeyReused, NotFound, type ErrorLocation } from '../errors';
import { idempotencyClaim } from '../idempotency';
import type { AttemptStore } from '../quiz/ports';
import { CERTIFICATE_CODE_RANDOM_BYTES, certificateCodeFrom, formatCertificateCode } from './certificate-code';
import { isSatisfactory } from './dops';
import { AlreadyCertified, CertificateChanged, CertificateNotActive, InvalidObservedProcedure, NotEligible } from './errors';
import { historyEvents } from './history';
import type { CertificationStore } from './ports';
import { CERTIFICATION_POLICY, checkEligibility, checkRenewal, DAY_MS, expiryAfter, renewedExpiry } from './rules';
import type { CertificateRecord, ObservedProcedureRecord, RecordObservedProcedure, RevokeCertificate, TraineeCertification } from './types';

export interface CertificationDeps {
  catalogue: CourseModule[];
  attempts: Pick<AttemptStore, 'listByUser'>;
  people: Pick<PeopleStore, 'getPerson' | 'getOrganisation' | 'listMembers'>;
  certification: CertificationStore;
  now: () => Date;
}

/** How far back a procedure may be recorded: observations are written up soon after, not years later. */
const MAX_OBSERVATION_AGE_DAYS = 365;

/** A trainee the viewer may see, else "not found" (someone else's trainee looks like no trainee). */
async function traineeFor(
  deps: Pick<CertificationDeps, 'people'>,
  viewer: Principal,
  traineeSub: string,
  allowed: (person: Person) => boolean,
): Promise<Person> {
  const person = await deps.people.getPerson(traineeSub);
  if (!person || person.role !== 'trainee' || !allowed(person)) throw new NotFound('Trainee');
  return person;
}

/** A trainee's whole certification record: where they stand, what was observed, the certificate, its history. */
export async function certificationOf(deps: CertificationDeps, viewer: Principal, traineeSub: string): Promise<TraineeCertification> {
  const trainee = await traineeFor(deps, viewer, traineeSub, (person) => canSeePerson(viewer, person));
  const [attempts, procedures, certificate, history] = await Promise.all([
    deps.attempts.listByUser(traineeSub),
    deps.certification.listObservedProcedures(traineeSub),
    deps.certification.traineeCertificate(traineeSub),
    deps.certification.listHistory(traineeSub),
  ]);
  return {
    trainee,
    eligibility: checkEligibility(deps.catalogue, attempts, procedures),
    procedures,
    history,
    ...(certificate ? { certificate, renewal: checkRenewal(certificate, procedures, deps.now()) } : {}),
  };
}

function observationProblems(details: RecordObservedProcedure, now: Date): ErrorLocation[] {
  const observed = Date.parse(`${details.observedOn}T00:00:00Z`);
  const problems: ErrorLocation[] = [];
  // A day of slack: the supervisor's today may already be tomorrow in UTC.
  if (observed > now.getTime() + DAY_MS) problems.push({ pointer: '/observedOn', message: 'The observation date is in the future.' });
  if (observed < now.getTime() - MAX_OBSERVATION_AGE_DAYS * DAY_MS) {
    problems.push({ pointer: '/observedOn', message: `Record procedures observed in the last ${MAX_OBSERVATION_AGE_DAYS} days.` });
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
export async function recordObservedProcedure(
  deps: Pick<CertificationDeps, 'people' | 'certification' | 'now'>,
  supervisor: Principal,
  traineeSub: string,
  details: RecordObservedProcedure,
  idempotencyKey?: string,
): Promise<{ replayed: boolean; procedure: ObservedProcedureRecord }> {
  await traineeFor(deps, supervisor, traineeSub, (person) => isSupervisorOf(supervisor, person));
  const now = deps.now();
  const problems = observationProblems(details, now);
  if (problems.length) throw new InvalidObservedProcedure(problems);
  const record: ObservedProcedureRecord = {
    procedureId: randomUUID(),
    traineeSub,
    assessorSub: supervisor.sub,
    assessorName: supervisor.name,
    ...details,
    satisfactory: isSatisfactory(details.ratings),
    recordedAt: now.toISOString(),
  };
  const claim = idempotencyClaim(`${supervisor.sub}#${traineeSub}`, idempotencyKey, details, now);
  const stored = await deps.certification.addObservedProcedure(record, historyEvents.procedureRecorded(record), claim);
  if (stored.outcome === 'key-reused') throw new IdempotencyKeyReused();
  return { replayed: stored.outcome === 'replayed', procedure: stored.value };
}

/**
 * The trainee's supervisor issues the certificate once every module is passed and enough observed
 * procedures are satisfactory. Exactly once: the store refuses a second certificate for the
 * trainee, also when two requests race past the check below.
 */
export async function issueCertificate(deps: CertificationDeps, supervisor: Principal, traineeSub: string): Promise<CertificateRecord> {
  const trainee = await traineeFor(deps, supervisor, traineeSub, (person) => isSupervisorOf(supervisor, person));
  const [attempts, procedures, existing, organisation] = await Promise.all([
    deps.attempts.listByUser(traineeSub),
    deps.certification.listObservedProcedures(traineeSub),
    deps.certification.traineeCertificate(traineeSub),
    trainee.orgId ? deps.people.getOrganisation(trainee.orgId) : undefined,
  ]);
  if (existing) throw new AlreadyCertified(formatCertificateCode(existing.code));
  const eligibility = checkEligibility(deps.catalogue, attempts, procedures);
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
    modules: eligibility.modules.map(({ moduleId, title, passedAt, attemptId }) => ({
      moduleId,
      title,
      passedAt: passedAt!,
      attemptId: attemptId!,
    })),
    procedureIds: procedures.filter((procedure) => procedure.satisfactory).map((procedure) => procedure.procedureId),
    status: 'active',
  };
  if (!(await deps.certification.issueOnce(record, historyEvents.certificateIssued(record)))) {
    const winner = await deps.certification.traineeCertificate(traineeSub);
    throw new AlreadyCertified(winner ? formatCertificateCode(winner.code) : 'issued moments ago');
  }
  return record;
}

/**
 * The trainee's supervisor renews the certificate in its renewal window, on recent practice: a new
 * code and expiry, the old certificate marked superseded (its verification names the new one).
 * Exactly once: the write is conditional on the certificate read here still being current.
 */
export async function renewCertificate(
  deps: Pick<CertificationDeps, 'people' | 'certification' | 'now'>,
  supervisor: Principal,
  traineeSub: string,
): Promise<CertificateRecord> {
  const trainee = await traineeFor(deps, supervisor, traineeSub, (person) => isSupervisorOf(supervisor, person));
  const [current, procedures, organisation] = await Promise.all([
    deps.certification.traineeCertificate(traineeSub),
    deps.certification.listObservedProcedures(traineeSub),
    trainee.orgId ? deps.people.getOrganisation(trainee.orgId) : undefined,
  ]);
  if (!current) throw new NotFound('Certificate');
  const now = deps.now();
  const renewal = checkRenewal(current, procedures, now);
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
    procedureIds: procedures
      .filter((procedure) => procedure.satisfactory && procedure.recordedAt > current.issuedAt)
      .map((procedure) => procedure.procedureId),
    status: 'active',
    renews: current.code,
  };
  if (!(await deps.certification.renewOnce(current, record, now.toISOString(), historyEvents.certificateRenewed(current, record)))) {
    throw new CertificateChanged(formatCertificateCode(current.code));
  }
  return record;
}

/** The trainee's supervisor, or a platform admin, revokes a certificate; verification shows it at once. */
export async function revokeCertificate(
  deps: Pick<CertificationDeps, 'people' | 'certification' | 'now'>,
  viewer: Principal,
  traineeSub: string,
  details: RevokeCertificate,
): Promise<CertificateRecord> {
  await traineeFor(deps, viewer, traineeSub, (person) => isSupervisorOf(viewer, person) || hasRole(viewer, 'platform-admin'));
  const certificate = await deps.certification.traineeCertificate(traineeSub);
  if (!certificate) throw new NotFound('Certificate');
  const code = formatCertificateCode(certificate.code);
  if (certificate.status !== 'active') throw new CertificateNotActive(code);
  const now = deps.now();
  const revocation = { revokedAt: now.toISOString(), revokedBy: { sub: viewer.sub, name: viewer.name }, reason: details.reason };
  if (!(await deps.certification.revoke(certificate, revocation, historyEvents.certificateRevoked(certificate, revocation))))
    throw new CertificateNotActive(code);
  return {
    ...certificate,
    status: 'revoked',
    revokedAt: revocation.revokedAt,
    revokedBy: revocation.revokedBy,
    revocationReason: revocation.reason,
  };
}
