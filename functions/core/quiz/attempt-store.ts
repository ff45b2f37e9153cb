import type { FailedRule } from '../api/schemas';

/**
 * One served question: which, and the order this attempt shows its shuffled options in. Options
 * not listed (a case item's decisions, True and False) keep their authored order, before them.
 */
export interface ServedQuestion {
  questionId: string;
  optionOrder: string[];
}

/** One answer as it is kept: what was selected and whether it was right. */
export interface GradedAnswer {
  questionId: string;
  selected: string[];
  correct: boolean;
}

export interface Submission {
  submittedAt: string;
  correctCount: number;
  questionCount: number;
  score: number;
  passed: boolean;
  failedRules: FailedRule[];
  answers: GradedAnswer[];
}

/**
 * An attempt as kept: issued with its draw, later completed by a submission. Prompts and
 * explanations are not copied: they are in the bundled question bank, which keeps writes small.
 */
export interface AttemptRecord {
  attemptId: string;
  /** The trainee it was issued to (token `sub`). */
  userSub: string;
  moduleId: string;
  contentVersion: string;
  passMark: number;
  issuedAt: string;
  expiresAt: string;
  served: ServedQuestion[];
  submission?: Submission;
}

/** What the stored attempt must still be for a submission to be recorded. */
export interface OpenAttemptClaim {
  userSub: string;
  moduleId: string;
  contentVersion: string;
  served: ServedQuestion[];
  /** The submission time: the attempt must expire after it. */
  at: string;
}

/** Recorded; or refused, with the attempt as it was (none if there is no such attempt). */
export type SubmitOutcome = { recorded: true } | { recorded: false; existing?: AttemptRecord };

/**
 * A trainee's standing in one module, kept in one small item beside their attempts: the newest
 * attempt and when the attempts of the last 24 hours were issued. A new attempt is written in the
 * same transaction as the ledger that allowed it, on condition that the ledger is unchanged, so
 * however many start requests race, the policy holds: one open attempt, the daily limit, the
 * cooldown. An attempt exists only because a ledger allowed it.
 */
export interface AttemptLedger {
  userSub: string;
  moduleId: string;
  lastAttemptId?: string;
  /** Issue times within the last 24 hours, oldest first: at most the daily limit. */
  issuedInWindow: string[];
  /** When the module was first passed, as seen when the attempt after the pass was issued. */
  passedAt?: string;
  /** Bumped by every write; the write is conditional on the revision it read. */
  revision: number;
}

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
