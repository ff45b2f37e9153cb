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

/** The port the quiz use cases need from storage; `store/dynamo-attempt-store.ts` implements it. */
export interface AttemptStore {
  /** Stores a newly issued attempt; ids are fresh UUIDs, so an existing one is a bug. */
  create(record: AttemptRecord): Promise<void>;
  get(attemptId: string): Promise<AttemptRecord | undefined>;
  /**
   * Records the submission in one conditional write, only if the attempt exists, matches the
   * claim, is still open and has no submission yet; otherwise returns the attempt as stored.
   */
  recordSubmission(attemptId: string, claim: OpenAttemptClaim, submission: Submission): Promise<SubmitOutcome>;
  /** A user's attempts, newest first. */
  listByUser(userSub: string): Promise<AttemptRecord[]>;
}
