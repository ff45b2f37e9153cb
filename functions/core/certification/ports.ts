import type { Claimed, IdempotencyClaim } from '../idempotency';
import type { HistoryEvent } from './history';
import type { ObservedProcedureRecord, CertificateRecord, Revocation } from './types';

/** What the certification use cases need from storage; `store/dynamo-certification-store.ts` implements it. */
export interface CertificationStore {
  /**
   * Appends an observed procedure with its history event; ids are fresh UUIDs. Under an
   * idempotency claim, a retry of the same request gets the record the first one made.
   */
  addObservedProcedure(
    record: ObservedProcedureRecord,
    event: HistoryEvent,
    claim?: IdempotencyClaim,
  ): Promise<Claimed<ObservedProcedureRecord>>;
  /** A trainee's certification history, newest first. Every write below appends its event atomically. */
  listHistory(traineeSub: string): Promise<HistoryEvent[]>;
  /** A trainee's observed procedures, newest first. */
  listObservedProcedures(traineeSub: string): Promise<ObservedProcedureRecord[]>;
  /** The certificate a trainee holds (active or revoked), if any. */
  traineeCertificate(traineeSub: string): Promise<CertificateRecord | undefined>;
  /**
   * Stores the trainee's certificate, its public copy and the history event together, only if the
   * trainee holds none: false when one exists already, so a certificate is issued exactly once
   * however many requests race.
   */
  issueOnce(record: CertificateRecord, event: HistoryEvent): Promise<boolean>;
  /**
   * Replaces the trainee's certificate with its renewal, stores the renewal's public copy, marks
   * the old public copy superseded and appends the event, together; only if the trainee's
   * certificate is still `current` and active. False otherwise, so a certificate is renewed once.
   */
  renewOnce(current: CertificateRecord, renewal: CertificateRecord, at: string, event: HistoryEvent): Promise<boolean>;
  /** The certificates issued to an organisation's people (trainee copies, current status). */
  organisationCertificates(orgId: string): Promise<CertificateRecord[]>;
  /** Marks both copies revoked and appends the event, only if still active; false if it was not. */
  revoke(record: CertificateRecord, revocation: Revocation, event: HistoryEvent): Promise<boolean>;
}

/** The one read public verification makes. */
export interface CertificateLookup {
  byCode(code: string): Promise<CertificateRecord | undefined>;
}
