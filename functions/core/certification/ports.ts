import type { Claimed, IdempotencyClaim } from '../idempotency';
import type { HistoryEvent } from './history';
import type { Acknowledgement, CertificateRecord, ObservedProcedureRecord } from './types';

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
  /**
   * Keeps the trainee's acknowledgement beside the procedure (the record itself is never changed),
   * with its history event; false if the procedure was acknowledged already.
   */
  acknowledgeFeedback(procedure: ObservedProcedureRecord, acknowledgement: Acknowledgement, event: HistoryEvent): Promise<boolean>;
  /** A trainee's certification history, newest first. Every write appends its event atomically. */
  listHistory(traineeSub: string): Promise<HistoryEvent[]>;
  /** A trainee's observed procedures, newest first, each with its acknowledgement if there is one. */
  listObservedProcedures(traineeSub: string): Promise<ObservedProcedureRecord[]>;
  /** The certificate a trainee holds now (in any state), if any. */
  traineeCertificate(traineeSub: string): Promise<CertificateRecord | undefined>;
  /**
   * Stores the trainee's certificate, its public copy and the history event together, only if the
   * trainee holds none, or (`replacing`) still holds exactly that revoked certificate: false
   * otherwise, so a certificate is issued exactly once however many requests race.
   */
  issueOnce(record: CertificateRecord, event: HistoryEvent, replacing?: CertificateRecord): Promise<boolean>;
  /**
   * Replaces the trainee's certificate with its renewal, stores the renewal's public copy, marks
   * the old public copy superseded and appends the event, together; only if the trainee's
   * certificate is still `current` and active. False otherwise, so a certificate is renewed once.
   */
  renewOnce(current: CertificateRecord, renewal: CertificateRecord, at: string, event: HistoryEvent): Promise<boolean>;
  /**
   * Writes a certificate's new state (suspended, reinstated, revoked) to both copies with its
   * event, only if the trainee's certificate is still `current` in the state it was read in;
   * false otherwise, so of any number of racing changes exactly one is made.
   */
  changeState(current: CertificateRecord, next: CertificateRecord, event: HistoryEvent): Promise<boolean>;
  /** The certificates issued to an organisation's people (trainee copies, current status). */
  organisationCertificates(orgId: string): Promise<CertificateRecord[]>;
}

/** What public verification reads: the certificate by its code (and, when superseded, its successor). */
export interface CertificateLookup {
  byCode(code: string): Promise<CertificateRecord | undefined>;
}
