import type { Person } from '../accounts/types';
import type { DopsRatings } from './dops';
import type { HistoryEvent } from './history';
import type { Eligibility, RenewalCheck } from './rules';

/** One observed procedure as recorded by the supervisor. Never edited: a new observation is a new record. */
export interface ObservedProcedureRecord {
  procedureId: string;
  traineeSub: string;
  assessorSub: string;
  assessorName: string;
  /** The day the procedure was observed (YYYY-MM-DD). */
  observedOn: string;
  /** What was treated, e.g. "Atrophic acne scars, both cheeks". */
  procedure: string;
  ratings: DopsRatings;
  satisfactory: boolean;
  feedback: string;
  recordedAt: string;
}

export interface CertifiedModule {
  moduleId: string;
  title: string;
  passedAt: string;
  attemptId: string;
}

/** A certificate as kept: what it certifies and the evidence it was issued on. */
export interface CertificateRecord {
  /** Canonical code (see certificate-code.ts). */
  code: string;
  traineeSub: string;
  holderName: string;
  /** The holder's organisation when issued: its staff roster lists the certificate. Not shown publicly. */
  orgId?: string;
  organisationName?: string;
  qualification: string;
  issuedAt: string;
  expiresAt: string;
  issuedBy: { sub: string; name: string };
  modules: CertifiedModule[];
  /** The satisfactory observed procedures it was issued on. */
  procedureIds: string[];
  /** `superseded` once renewed: the public copy then names its successor. */
  status: 'active' | 'revoked' | 'superseded';
  supersededBy?: string;
  supersededAt?: string;
  /** The certificate this one renewed, if any. */
  renews?: string;
  revokedAt?: string;
  revokedBy?: { sub: string; name: string };
  revocationReason?: string;
}

export interface Revocation {
  revokedAt: string;
  revokedBy: { sub: string; name: string };
  reason: string;
}

/** An observed procedure as the supervisor records it. */
export interface RecordObservedProcedure {
  observedOn: string;
  procedure: string;
  ratings: DopsRatings;
  feedback: string;
}

export interface RevokeCertificate {
  reason: string;
}

/** A trainee's whole certification record, as their supervisor, clinic and they themselves see it. */
export interface TraineeCertification {
  trainee: Person;
  eligibility: Eligibility;
  /** Newest first. */
  procedures: ObservedProcedureRecord[];
  certificate?: CertificateRecord;
  renewal?: RenewalCheck;
  /** Newest first. */
  history: HistoryEvent[];
}
