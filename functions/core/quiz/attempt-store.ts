/** One answer as it is kept: what was selected and whether it was right. */
export interface GradedAnswer {
  questionId: string;
  selected: string[];
  correct: boolean;
}

/**
 * A submitted, scored attempt as it is kept. Prompts and explanations are not copied: they are in
 * the bundled question bank, and leaving them out keeps an attempt within one DynamoDB write unit.
 */
export interface AttemptRecord {
  attemptId: string;
  /** The trainee who submitted it (token `sub`). */
  userSub: string;
  moduleId: string;
  contentVersion: string;
  /** Fingerprint of the submission, so a replay with different answers is told apart from a retry. */
  submissionHash: string;
  submittedAt: string;
  correctCount: number;
  questionCount: number;
  score: number;
  passMark: number;
  passed: boolean;
  answers: GradedAnswer[];
}

export type SaveOnceOutcome = { created: true } | { created: false; existing: AttemptRecord };

/** The port the quiz use cases need from storage; `store/dynamo-attempt-store.ts` implements it. */
export interface AttemptStore {
  /** Stores the record unless one with the same attempt id exists, in which case that one is returned. */
  saveOnce(record: AttemptRecord): Promise<SaveOnceOutcome>;
  /** A user's attempts, newest first. */
  listByUser(userSub: string): Promise<AttemptRecord[]>;
}
