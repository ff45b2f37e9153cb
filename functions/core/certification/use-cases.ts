import { randomBytes, randomUUID } from 'node:crypto';
import { canSeePerson, isSupervisorOf } from '../accounts/policy';
import { Forbidden } from '../auth/errors';
import type { PeopleStore } from '../accounts/ports';
import type { Person } from '../accounts/types';
import { hasRole, type Principal } from '../auth/principal';
import type { CourseDefinition } from '../course/types';
import { IdempotencyKeyReused, NotFound, type ErrorLocation } from '../errors';
import { idempotencyClaim } from '../idempotency';
import type { AttemptStore } from '../quiz/ports';
import { CERTIFICATE_CODE_RANDOM_BYTES, certificateCodeFrom, formatCertificateCode } from './certificate-code';
import { isSatisfactory } from './dops';
import { AlreadyCertified, CertificateStateConflict, InvalidCertificationRequest, NotEligible } from './errors';
import { historyEvents } from './history';
import type { CertificationStore } from './ports';
import { checkEligibility, checkRenewal, DAY_MS, expiryAfter, issuerOfNext, observedAfter, renewedExpiry } from './rules';
import {
  certifiedScope,
  evidenceByArea,
  evidenceProblems,
  scopeProblems,
  signOffOf,
  unsupervisedEvidenceMm,
  type AreaSignOff,
  type CertifiedArea,
} from './scope';
import { certificateStatus } from './status';
import type {
  AcknowledgeFeedback,
  Actor,
  CertificateRecord,
  IssueCertificate,
  ObservedProcedureRecord,
  RecordObservedProcedure,
  RenewCertificate,
  TraineeCertification,
} from './types';

export interface CertificationDeps {
  course: CourseDefinition;
  attempts: Pick<AttemptStore, 'listByUser'>;
  people: Pick<PeopleStore, 'getPerson' | 'getOrganisation' | 'listMembers'>;
  certification: CertificationStore;
  now: () => Date;
}

/** How far back a procedure may be recorded: observations are written up soon after, not years later. */
const MAX_OBSERVATION_AGE_DAYS = 365;

/** A trainee the viewer may see, else "not found" (someone else's trainee looks like no trainee). */
export async function traineeFor(
  deps: Pick<CertificationDeps, 'people'>,
  traineeSub: string,
  allowed: (person: Person) => boolean,
): Promise<Person> {
  const person = await deps.people.getPerson(traineeSub);
  if (!person || person.role !== 'trainee' || !allowed(person)) throw new NotFound('Trainee');
  return person;
}

/**
 * Who is acting, under the name the platform holds for them (given at their invitation), not the
 * token's name claim: a user can change that in the identity provider, and a certificate must not
 * be signed under a title its signatory gave themselves.
 */
export async function actorFor(deps: Pick<CertificationDeps, 'people'>, principal: Principal): Promise<Actor> {
  const person = await deps.people.getPerson(principal.sub);
  return { sub: principal.sub, name: person?.name ?? principal.name };
}

/** Where the trainee stands towards a (new) certificate: after a revocation, only newer evidence counts. */
const eligibilityFor = (
  deps: Pick<CertificationDeps, 'course'>,
  attempts: Parameters<typeof checkEligibility>[2],
  procedures: ObservedProcedureRecord[],
  certificate?: CertificateRecord,
) =>
  checkEligibility(
    deps.course.modules,
    deps.course.certification,
    attempts,
    procedures,
    certificate?.status === 'revoked' ? certificate.revocation?.at : undefined,
  );

/** A trainee's whole certification record: where they stand, what was observed, the certificate, its history. */
export async function certificationOf(deps: CertificationDeps, viewer: Principal, traineeSub: string): Promise<TraineeCertification> {
  const trainee = await traineeFor(deps, traineeSub, (person) => canSeePerson(viewer, person));
  const [attempts, procedures, certificate, history] = await Promise.all([
    deps.attempts.listByUser(traineeSub),
    deps.certification.listObservedProcedures(traineeSub),
    deps.certification.traineeCertificate(traineeSub),
    deps.certification.listHistory(traineeSub),
  ]);
  const renewable = certificate && certificate.status !== 'revoked';
  return {
    trainee,
    eligibility: eligibilityFor(deps, attempts, procedures, certificate),
    nextCertificateBy: issuerOfNext(certificate),
    procedures,
    history,
    ...(certificate ? { certificate } : {}),
    ...(renewable ? { renewal: checkRenewal(deps.course.certification, certificate, procedures, deps.now()) } : {}),
  };
}

function observationProblems(details: RecordObservedProcedure, course: CourseDefinition, now: Date): ErrorLocation[] {
  const observed = Date.parse(`${details.observedOn}T00:00:00Z`);
  const problems: ErrorLocation[] = [];
  const area = course.treatmentAreas.find((candidate) => candidate.id === details.areaId);
  if (!area) problems.push({ pointer: '/areaId', message: `"${details.areaId}" is not one of the course's treatment areas.` });
  else if (details.depthMm > area.maxDepthMm + 1e-9)
    problems.push({
      pointer: '/depthMm',
      message: `${area.label}: deeper than the course's limit of ${area.maxDepthMm} mm, so outside this certificate.`,
    });
  // A day of slack: the supervisor's today may already be tomorrow in UTC.
  if (observed > now.getTime() + DAY_MS) problems.push({ pointer: '/observedOn', message: 'The observation date is in the future.' });
  if (observed < now.getTime() - MAX_OBSERVATION_AGE_DAYS * DAY_MS) {
    problems.push({ pointer: '/observedOn', message: `Record procedures observed in the last ${MAX_OBSERVATION_AGE_DAYS} days.` });
  }
  if (details.minutesFeedback > details.minutesObserved * 2)
    problems.push({ pointer: '/minutesFeedback', message: 'Minutes of feedback: at most twice the minutes observed.' });
  return problems;
}

/**
 * The trainee's supervisor records one observed procedure. Records are appended, never edited. A
 * retry under the same idempotency key (after a timeout, say) gets the first record back.
 */
export async function recordObservedProcedure(
  deps: Pick<CertificationDeps, 'people' | 'certification' | 'now' | 'course'>,
  supervisor: Principal,
  traineeSub: string,
  details: RecordObservedProcedure,
  idempotencyKey?: string,
): Promise<{ replayed: boolean; procedure: ObservedProcedureRecord }> {
  const [, assessor] = await Promise.all([
    traineeFor(deps, traineeSub, (person) => isSupervisorOf(supervisor, person)),
    actorFor(deps, supervisor),
  ]);
  const now = deps.now();
  const problems = observationProblems(details, deps.course, now);
  if (problems.length) throw new InvalidCertificationRequest(problems);
  const record: ObservedProcedureRecord = {
    procedureId: randomUUID(),
    traineeSub,
    assessorSub: assessor.sub,
    assessorName: assessor.name,
    ...details,
    satisfactory: isSatisfactory(details.ratings, details.entrustment),
    recordedAt: now.toISOString(),
  };
  const claim = idempotencyClaim(`${supervisor.sub}#${traineeSub}`, idempotencyKey, details, now);
  const stored = await deps.certification.addObservedProcedure(record, historyEvents.procedureRecorded(record), claim);
  if (stored.outcome === 'key-reused') throw new IdempotencyKeyReused();
  return { replayed: stored.outcome === 'replayed', procedure: stored.value };
}

/**
 * The trainee confirms they received the feedback on a procedure, with a reflection if they like.
 * Once only: acknowledging again answers with the first acknowledgement.
 */
export async function acknowledgeFeedback(
  deps: Pick<CertificationDeps, 'certification' | 'people' | 'now'>,
  trainee: Principal,
  procedureId: string,
  details: AcknowledgeFeedback,
): Promise<ObservedProcedureRecord> {
  const find = async () =>
    (await deps.certification.listObservedProcedures(trainee.sub)).find((procedure) => procedure.procedureId === procedureId);
  const procedure = await find();
  if (!procedure) throw new NotFound('Observed procedure');
  if (procedure.acknowledgement) return procedure;
  const at = deps.now().toISOString();
  const acknowledgement = { at, ...(details.comment ? { comment: details.comment } : {}) };
  const event = historyEvents.feedbackAcknowledged(procedure, await actorFor(deps, trainee), at);
  if (await deps.certification.acknowledgeFeedback(procedure, acknowledgement, event)) return { ...procedure, acknowledgement };
  return (await find())!;
}

/**
 * The scope as signed off, or a 422 naming every area that breaks the course's limits or goes
 * beyond what was observed (`evidence`; a renewal's `kept` areas were evidenced before).
 */
function signedOffScope(
  deps: Pick<CertificationDeps, 'course'>,
  areas: AreaSignOff[],
  evidence: ObservedProcedureRecord[],
  kept?: CertifiedArea[],
) {
  const limits = scopeProblems(areas, deps.course.treatmentAreas);
  const byArea = evidenceByArea(evidence);
  const problems = limits.length ? limits : evidenceProblems(areas, deps.course.treatmentAreas, byArea, kept);
  if (problems.length) throw new InvalidCertificationRequest(problems);
  return certifiedScope(areas, deps.course.treatmentAreas, (areaId) => unsupervisedEvidenceMm(areaId, byArea, kept));
}

/** Refuses an issuer who is not the one issuerOfNext names, saying who is. */
function checkIssuer(issuer: Principal, trainee: Person, existing: CertificateRecord | undefined) {
  if (issuerOfNext(existing) === 'platform-admin') {
    if (hasRole(issuer, 'platform-admin')) return;
    const why = existing!.revocation?.byPlatformAdmin
      ? 'by a platform admin'
      : existing!.revocation?.category === 'false-evidence'
        ? 'for false evidence'
        : 'after a platform admin had acted on it';
    throw new Forbidden(
      `Certificate ${formatCertificateCode(existing!.code)} was revoked ${why}, so a platform admin issues the new certificate, ` +
        'on the new evidence you record.',
    );
  }
  if (!isSupervisorOf(issuer, trainee))
    throw new Forbidden(
      "A certificate is issued by the trainee's supervisor; a platform admin issues one only after a revocation by a platform admin or for false evidence.",
    );
}

/**
 * The trainee's supervisor issues the certificate, with the scope of practice they sign off, once
 * every requirement is met. Exactly once: the store refuses a second certificate for the trainee,
 * also when requests race past the check below. After a revocation, the way back is a new
 * certificate on new evidence, linked to the revoked one; issued by a platform admin when
 * issuerOfNext says so.
 */
export async function issueCertificate(
  deps: CertificationDeps,
  supervisor: Principal,
  traineeSub: string,
  details: IssueCertificate,
): Promise<CertificateRecord> {
  const trainee = await traineeFor(
    deps,
    traineeSub,
    (person) => isSupervisorOf(supervisor, person) || hasRole(supervisor, 'platform-admin'),
  );
  const [attempts, procedures, existing, organisation, issuer] = await Promise.all([
    deps.attempts.listByUser(traineeSub),
    deps.certification.listObservedProcedures(traineeSub),
    deps.certification.traineeCertificate(traineeSub),
    trainee.orgId ? deps.people.getOrganisation(trainee.orgId) : undefined,
    actorFor(deps, supervisor),
  ]);
  const now = deps.now();
  if (existing && existing.status !== 'revoked') throw new AlreadyCertified(existing.code, certificateStatus(existing, now));
  checkIssuer(supervisor, trainee, existing);
  const eligibility = eligibilityFor(deps, attempts, procedures, existing);
  if (!eligibility.eligible) throw new NotEligible(eligibility.unmet);
  const counted = new Set(eligibility.procedureIds);
  const scope = signedOffScope(
    deps,
    details.scope.areas,
    procedures.filter((procedure) => counted.has(procedure.procedureId)),
  );

  const record: CertificateRecord = {
    code: certificateCodeFrom(randomBytes(CERTIFICATE_CODE_RANDOM_BYTES)),
    traineeSub,
    holderName: trainee.name,
    ...(trainee.orgId ? { orgId: trainee.orgId } : {}),
    ...(organisation ? { organisationName: organisation.name } : {}),
    qualification: deps.course.certification.qualification,
    scope,
    issuedAt: now.toISOString(),
    expiresAt: expiryAfter(now, deps.course.certification.validityMonths).toISOString(),
    issuedBy: issuer,
    modules: eligibility.modules.map(({ moduleId, title, passedAt, attemptId }) => ({
      moduleId,
      title,
      passedAt: passedAt!,
      attemptId: attemptId!,
    })),
    procedureIds: eligibility.procedureIds,
    status: 'active',
    ...(existing ? { replaces: existing.code } : {}),
    ...(eligibility.countsFrom ? { evidenceFrom: eligibility.countsFrom } : {}),
    ...(hasRole(supervisor, 'platform-admin') && !isSupervisorOf(supervisor, trainee) ? { platformAdminHold: true as const } : {}),
  };
  if (!(await deps.certification.issueOnce(record, historyEvents.certificateIssued(record), existing))) {
    const winner = await deps.certification.traineeCertificate(traineeSub);
    throw new AlreadyCertified(winner?.code ?? record.code, winner ? certificateStatus(winner, now) : 'valid');
  }
  return record;
}

/**
 * The trainee's supervisor renews the certificate in its renewal window, on recent practice: a new
 * code and expiry, the scope carried over or changed, the old certificate marked superseded (its
 * verification names the new one). Exactly once: the write is conditional on the certificate read
 * here still being current.
 */
export async function renewCertificate(
  deps: Pick<CertificationDeps, 'people' | 'certification' | 'now' | 'course'>,
  supervisor: Principal,
  traineeSub: string,
  details: RenewCertificate,
): Promise<CertificateRecord> {
  const trainee = await traineeFor(deps, traineeSub, (person) => isSupervisorOf(supervisor, person));
  const [current, procedures, organisation, issuer] = await Promise.all([
    deps.certification.traineeCertificate(traineeSub),
    deps.certification.listObservedProcedures(traineeSub),
    trainee.orgId ? deps.people.getOrganisation(trainee.orgId) : undefined,
    actorFor(deps, supervisor),
  ]);
  if (!current) throw new NotFound('Certificate');
  const now = deps.now();
  const settings = deps.course.certification;
  if (current.status === 'revoked' || current.status === 'suspended')
    throw new CertificateStateConflict(current.code, certificateStatus(current, now), 'renewed');
  const renewal = checkRenewal(settings, current, procedures, now);
  if (!renewal.eligible) throw new NotEligible(renewal.unmet);
  // Evidence from before a revocation never counts again (a renewal keeps the cut-off: `...current`).
  const evidence = procedures.filter((procedure) => observedAfter(procedure, current.evidenceFrom));
  const scope = signedOffScope(deps, details.scope?.areas ?? current.scope.areas.map(signOffOf), evidence, current.scope.areas);
  const record: CertificateRecord = {
    ...current,
    code: certificateCodeFrom(randomBytes(CERTIFICATE_CODE_RANDOM_BYTES)),
    holderName: trainee.name,
    ...(trainee.orgId ? { orgId: trainee.orgId } : {}),
    ...(organisation ? { organisationName: organisation.name } : {}),
    qualification: settings.qualification,
    scope,
    issuedAt: now.toISOString(),
    expiresAt: renewedExpiry(settings, current, now).toISOString(),
    issuedBy: issuer,
    procedureIds: procedures
      .filter((procedure) => procedure.satisfactory && procedure.recordedAt > current.issuedAt)
      .map((procedure) => procedure.procedureId),
    status: 'active',
    renews: current.code,
  };
  delete record.replaces;
  if (!(await deps.certification.renewOnce(current, record, now.toISOString(), historyEvents.certificateRenewed(current, record)))) {
    // Renewed a moment ago by a concurrent request, or suspended or revoked meanwhile: say which.
    const latest = await deps.certification.traineeCertificate(traineeSub);
    const status = !latest || latest.code !== current.code ? 'superseded' : certificateStatus(latest, now);
    throw new CertificateStateConflict(current.code, status, 'renewed');
  }
  return record;
}
