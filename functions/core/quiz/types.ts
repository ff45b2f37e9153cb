import type { ReviewLevel } from '../course/types';

export type { ReviewLevel };

/** Which rule(s) a failed attempt broke: below the pass mark, and/or a safety-critical item wrong. */
export type FailedRule = 'pass-mark' | 'safety-critical';

/** One answer as the trainee gives it: the options selected for a question. */
export interface Answer {
  questionId: string;
  selected: string[];
}

/** A submission as the trainee sends it: the attempt's served token, unchanged, and the answers. */
export interface SubmitAnswers {
  servedToken: string;
  answers: Answer[];
}

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
  /**
   * Drawn after the trainee had passed the module: its review never shows the answer key, pass or
   * fail, so retaking cannot collect the bank's keys. The attempts up to the first pass keep theirs.
   */
  retakeAfterPass?: boolean;
  submission?: Submission;
}

/** What the stored attempt must still be for a submission to be recorded. */
export interface OpenAttemptClaim {
  userSub: string;
  moduleId: string;
  contentVersion: string;
  served: ServedQuestion[];
  retakeAfterPass?: boolean;
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

/** What a submission decided about an attempt: enough to show its result. */
export type Scored = Pick<AttemptRecord, 'attemptId' | 'moduleId' | 'contentVersion' | 'passMark' | 'retakeAfterPass'> & {
  submission: Submission;
};

/** Where a trainee stands in one module. */
export interface ModuleProgress {
  moduleId: string;
  title: string;
  order: number;
  status: 'not-started' | 'in-progress' | 'passed' | 'failed';
  bestScore?: number;
  passedAt?: string;
  passedContentVersion?: string;
  lastAttemptId?: string;
  attemptsLeftToday: number;
  /** When a new attempt may start, if not now (cooldown or daily limit). */
  nextAttemptAt?: string;
}
