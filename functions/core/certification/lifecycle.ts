import { isSupervisorOf } from '../accounts/policy';
import { hasRole, type Principal } from '../auth/principal';
import { Forbidden } from '../auth/errors';
import { formatCertificateCode } from './certificate-code';
import { NotFound } from '../errors';
import { CertificateStateConflict, InvalidCertificationRequest } from './errors';
import { historyEvents, type HistoryEvent } from './history';
import { DAY_MS } from './rules';
import { certificateStatus, type CertificateStatus } from './status';
import type { Actor, CertificateRecord, ReinstateCertificate, RevokeCertificate, SuspendCertificate } from './types';
import { actorFor, traineeFor, type CertificationDeps } from './use-cases';

/**
 * Suspending, reinstating and revoking: each a change of state of the trainee's certificate, made
 * by their supervisor or a platform admin, written to both copies with its history event in one
 * transaction, and never a deletion. Public verification shows the new state at once.
 */
type LifecycleDeps = Pick<CertificationDeps, 'people' | 'certification' | 'now'>;

/** How far ahead a suspension's review date may be set: a suspension is temporary. */
const MAX_REVIEW_DAYS = 365;

interface Transition {
  /** The verb for messages: "suspended", "reinstated", "revoked". */
  verb: string;
  from: readonly CertificateStatus[];
  /** A reason the viewer may not make this change to this certificate, if there is one. */
  refuse?: (current: CertificateRecord) => string | undefined;
  /** `by`: who acts, under their name on the platform; `authority`: set when a platform admin overrides the clinic. */
  change: (
    current: CertificateRecord,
    now: Date,
    by: Actor,
    authority: { byPlatformAdmin?: true },
  ) => { next: CertificateRecord; event: HistoryEvent };
}

async function transition(deps: LifecycleDeps, viewer: Principal, traineeSub: string, step: Transition): Promise<CertificateRecord> {
  const [trainee, by] = await Promise.all([
    traineeFor(deps, traineeSub, (person) => isSupervisorOf(viewer, person) || hasRole(viewer, 'platform-admin')),
    actorFor(deps, viewer),
  ]);
  const current = await deps.certification.traineeCertificate(traineeSub);
  if (!current) throw new NotFound('Certificate');
  const now = deps.now();
  const status = certificateStatus(current, now);
  if (!step.from.includes(status)) throw new CertificateStateConflict(current.code, status, step.verb);
  const refusal = step.refuse?.(current);
  if (refusal) throw new Forbidden(refusal);
  // A platform admin acting on someone else's trainee overrides the clinic: the record says so.
  const authority = !isSupervisorOf(viewer, trainee) && hasRole(viewer, 'platform-admin') ? { byPlatformAdmin: true as const } : {};
  const changed = step.change(current, now, by, authority);
  const next: CertificateRecord = authority.byPlatformAdmin ? { ...changed.next, platformAdminHold: true } : changed.next;
  if (await deps.certification.changeState(current, next, changed.event)) return next;
  // Another request changed it first: exactly one change is made; the rest hear what it is now.
  const latest = await deps.certification.traineeCertificate(traineeSub);
  const latestStatus = !latest || latest.code !== current.code ? 'superseded' : certificateStatus(latest, now);
  throw new CertificateStateConflict(current.code, latestStatus, step.verb);
}

/** Temporarily withdraws a valid certificate, with a reason and, if set, the date it is to be reviewed. */
export function suspendCertificate(deps: LifecycleDeps, viewer: Principal, traineeSub: string, details: SuspendCertificate) {
  const today = deps.now().toISOString().slice(0, 10);
  const latest = new Date(deps.now().getTime() + MAX_REVIEW_DAYS * DAY_MS).toISOString().slice(0, 10);
  if (details.reviewOn && (details.reviewOn < today || details.reviewOn > latest))
    throw new InvalidCertificationRequest([
      { pointer: '/reviewOn', message: `Review date: from today (${today}) to ${latest}; a suspension is temporary.` },
    ]);
  return transition(deps, viewer, traineeSub, {
    verb: 'suspended',
    from: ['valid'],
    change: (current, now, by, authority) => {
      const suspension = {
        ...authority,
        at: now.toISOString(),
        by,
        category: details.category,
        note: details.note,
        ...(details.reviewOn ? { reviewOn: details.reviewOn } : {}),
      };
      return { next: { ...current, status: 'suspended', suspension }, event: historyEvents.certificateSuspended(current, suspension) };
    },
  });
}

/**
 * Makes a suspended certificate active again (valid, or expired if its date has passed meanwhile).
 * A platform admin's suspension is lifted only by a platform admin: the supervisor it overrode
 * cannot undo it.
 */
export function reinstateCertificate(deps: LifecycleDeps, viewer: Principal, traineeSub: string, details: ReinstateCertificate) {
  return transition(deps, viewer, traineeSub, {
    verb: 'reinstated',
    from: ['suspended'],
    refuse: (current) =>
      current.suspension?.byPlatformAdmin && !hasRole(viewer, 'platform-admin')
        ? `Certificate ${formatCertificateCode(current.code)} was suspended by a platform admin; only a platform admin can reinstate it.`
        : undefined,
    change: (current, now, by) => {
      const { suspension: _ended, ...rest } = current;
      return {
        next: { ...rest, status: 'active' },
        event: historyEvents.certificateReinstated(current, by, now.toISOString(), details.note),
      };
    },
  });
}

/**
 * Withdraws a certificate for good, with a reason. Valid, suspended or expired: a certificate that
 * lapsed may still need to say it was withdrawn (evidence found false, say). The way back is a new
 * certificate on new evidence (issueCertificate).
 */
export function revokeCertificate(deps: LifecycleDeps, viewer: Principal, traineeSub: string, details: RevokeCertificate) {
  return transition(deps, viewer, traineeSub, {
    verb: 'revoked',
    from: ['valid', 'suspended', 'expired'],
    change: (current, now, by, authority) => {
      const { suspension: _ended, ...rest } = current;
      const revocation = { ...authority, at: now.toISOString(), by, category: details.category, note: details.note };
      return { next: { ...rest, status: 'revoked', revocation }, event: historyEvents.certificateRevoked(current, revocation) };
    },
  });
}
