import type { Person } from '../accounts/types';
import type { CaseComplexity, DopsRatings, Entrustment } from './dops';
import type { HistoryEvent } from './history';
import type { RevocationReason, SuspensionReason } from './reasons';
import type { Eligibility, RenewalCheck } from './rules';
import type { AreaSignOff, ScopeOfPractice } from './scope';

/** Who did something: kept by name too, so a record reads the same after the person leaves. */
export interface Actor {
  sub: string;
  name: string;
}

/** One observed procedure as recorded by the supervisor. Never edited: a new observation is a new record. */
export interface ObservedProcedureRecord extends RecordObservedProcedure {
  procedureId: string;
  traineeSub: string;
  assessorSub: string;
  assessorName: string;
  /** Every domain meets the standard and the trainee performed it (dops.ts). */
  satisfactory: boolean;
  recordedAt: string;
  /** The trainee's confirmation that they received the feedback, kept beside the record, which stays as it was. */
  acknowledgement?: Acknowledgement;
}

export interface Acknowledgement {
  at: string;
  /** The trainee's reflection, if they add one. */
  comment?: string;
}

export interface CertifiedModule {
  moduleId: string;
  title: string;
  passedAt: string;
  attemptId: string;
}

/**
 * Set when a platform admin, not the holder's own supervisor, made the change: the certifying
 * body overriding the clinic. Such a suspension is lifted only by a platform admin, and after
 * such a revocation the new certificate is a platform admin's to issue.
 */
interface ByPlatformAdmin {
  byPlatformAdmin?: true;
}

export interface Suspension extends ByPlatformAdmin {
  at: string;
  by: Actor;
  category: SuspensionReason;
  note: string;
  /** When the supervisor means to review it (YYYY-MM-DD), if set. */
  reviewOn?: string;
}

export interface Revocation extends ByPlatformAdmin {
  at: string;
  by: Actor;
  category: RevocationReason;
  note: string;
}

/** Who may issue a trainee's next certificate. */
export type NextIssuer = 'supervisor' | 'platform-admin';

/**
 * A certificate's state as kept. `suspended` is temporary (reinstating makes it active again),
 * `revoked` permanent, `superseded` once renewed (its public copy names its successor). Expiry is
 * not a state: it is decided by the date (status.ts).
 */
export type CertificateState = 'active' | 'suspended' | 'revoked' | 'superseded';

/** A certificate as kept: what it certifies, the evidence it was issued on, and where it stands. */
export interface CertificateRecord {
  /** Canonical code (see certificate-code.ts). */
  code: string;
  traineeSub: string;
  holderName: string;
  /** The holder's organisation when issued: its staff roster lists the certificate. Not shown publicly. */
  orgId?: string;
  organisationName?: string;
  qualification: string;
  /** What the holder may do, as the issuing supervisor signed it off. */
  scope: ScopeOfPractice;
  issuedAt: string;
  expiresAt: string;
  issuedBy: Actor;
  modules: CertifiedModule[];
  /** The satisfactory observed procedures it was issued on. */
  procedureIds: string[];
  status: CertificateState;
  /** While suspended: why, by whom, until when it is to be reviewed. */
  suspension?: Suspension;
  revocation?: Revocation;
  supersededBy?: string;
  supersededAt?: string;
  /** The certificate this one renewed, if any. */
  renews?: string;
  /** The revoked certificate this one was issued after, on new evidence, if any. */
  replaces?: string;
  /**
   * Issued after a revocation: evidence observed before this time never counts for this certificate
   * or its renewals (the revocation may have found it false). Carried through renewals.
   */
  evidenceFrom?: string;
  /**
   * A platform admin has acted on this certificate (suspended, revoked or issued it): once revoked,
   * the next certificate is a platform admin's to issue, however the supervisor revokes it. Carried
   * through renewals.
   */
  platformAdminHold?: true;
}

/** An observed procedure as the supervisor records it, as on a DOPS form. */
export interface RecordObservedProcedure {
  /** The day the procedure was observed (YYYY-MM-DD). */
  observedOn: string;
  /** What was treated, e.g. "Atrophic acne scars, both cheeks". */
  procedure: string;
  /** The course's treatment area it was in, and the deepest setting used: the evidence for a scope of practice. */
  areaId: string;
  depthMm: number;
  complexity: CaseComplexity;
  ratings: DopsRatings;
  /** The level of supervision the trainee needed. */
  entrustment: Entrustment;
  minutesObserved: number;
  minutesFeedback: number;
  doneWell: string;
  /** The learning action the supervisor and trainee agreed. */
  learningAction: string;
}

export interface IssueCertificate {
  scope: { areas: AreaSignOff[] };
}

/** A renewal keeps the scope unless the supervisor changes it. */
export interface RenewCertificate {
  scope?: { areas: AreaSignOff[] };
}

export interface SuspendCertificate {
  category: SuspensionReason;
  note: string;
  reviewOn?: string;
}

export interface ReinstateCertificate {
  note: string;
}

export interface RevokeCertificate {
  category: RevocationReason;
  note: string;
}

export interface AcknowledgeFeedback {
  comment?: string;
}

/** A trainee's whole certification record, as their supervisor, clinic and they themselves see it. */
export interface TraineeCertification {
  trainee: Person;
  eligibility: Eligibility;
  /** Who issues the (next) certificate (see issuerOfNext in lifecycle.ts). */
  nextCertificateBy: NextIssuer;
  /** Newest first. */
  procedures: ObservedProcedureRecord[];
  certificate?: CertificateRecord;
  renewal?: RenewalCheck;
  /** Newest first. */
  history: HistoryEvent[];
}
