import type { AttemptLedger, AttemptRecord, OpenAttemptClaim, Submission, SubmitOutcome } from './types';

/** The port the quiz use cases need from storage; `store/dynamo-attempt-store.ts` implements it. */
export interface AttemptStore {
  /** The trainee's ledger for a module, strongly consistent; none before their first attempt. */
  ledger(userSub: string, moduleId: string): Promise<AttemptLedger | undefined>;
  /**
   * Stores a newly issued attempt and the ledger that allows it, together, only if the stored
   * ledger is still at `readRevision` (0: there was none). False when another request changed it
   * first; nothing is written then.
   */
  startAttempt(record: AttemptRecord, ledger: AttemptLedger, readRevision: number): Promise<boolean>;
  /** An attempt by id alone (a reviewer does not know whose it is). */
  get(attemptId: string): Promise<AttemptRecord | undefined>;
  /** One of the trainee's own attempts, by its key. */
  getOwn(userSub: string, attemptId: string): Promise<AttemptRecord | undefined>;
  /**
   * Records the submission in one conditional write, only if the attempt exists, matches the
   * claim, is still open and has no submission yet; otherwise returns the attempt as stored.
   */
  recordSubmission(attemptId: string, claim: OpenAttemptClaim, submission: Submission): Promise<SubmitOutcome>;
  /** A user's attempts, newest first. */
  listByUser(userSub: string): Promise<AttemptRecord[]>;
}
