import type { Claimed, IdempotencyClaim } from '../idempotency';
import type { AuditEvent } from './audit';
import type { AssessmentRecord, CertificateRecord, Revocation } from './records';

/** What the certification use cases need from storage; `store/dynamo-certification-store.ts` implements it. */
export interface CertificationStore {
  /**
   * Appends an observed procedure with its history event; ids are fresh UUIDs. Under an
   * idempotency claim, a retry of the same request gets the record the first one made.
   */
  addAssessment(record: AssessmentRecord, event: AuditEvent, claim?: IdempotencyClaim): Promise<Claimed<AssessmentRecord>>;
  /** A trainee's certification history, newest first. Every write below appends its event atomically. */
  listAudit(traineeSub: string): Promise<AuditEvent[]>;
  /** A trainee's observed procedures, newest first. */
  listAssessments(traineeSub: string): Promise<AssessmentRecord[]>;
  /** The certificate a trainee holds (active or revoked), if any. */
  certificateOf(traineeSub: string): Promise<CertificateRecord | undefined>;
  /**
   * Stores the trainee's certificate and its public copy together, only if the trainee holds none:
   * false when one exists already, so a certificate is issued exactly once however many requests race.
   */
  issueOnce(record: CertificateRecord): Promise<boolean>;
  /**
   * Replaces the trainee's certificate with its renewal, stores the renewal's public copy and
   * marks the old public copy superseded, together; only if the trainee's certificate is still
   * `current` and active. False otherwise, so a certificate is renewed once.
   */
  renewOnce(current: CertificateRecord, renewal: CertificateRecord, at: string): Promise<boolean>;
  /** The certificates issued to an organisation's people (trainee copies, current status). */
  certificatesIn(orgId: string): Promise<CertificateRecord[]>;
  /** Marks both copies revoked, only if still active; false if it was not. */
  revoke(record: CertificateRecord, revocation: Revocation): Promise<boolean>;
}

/** The one read public verification makes. */
export interface CertificateLookup {
  byCode(code: string): Promise<CertificateRecord | undefined>;
}
