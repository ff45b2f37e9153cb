import type { AttemptResult } from '../api/schemas';

/** A submitted, scored attempt as it is kept. */
export interface AttemptRecord {
  attemptId: string;
  moduleId: string;
  contentVersion: string;
  /** Fingerprint of the submission, so a replay with different answers is told apart from a retry. */
  submissionHash: string;
  result: AttemptResult;
}

export type SaveOnceOutcome = { created: true } | { created: false; existing: AttemptRecord };

/** The port the quiz use cases need from storage; `store/dynamo-attempt-store.ts` implements it. */
export interface AttemptStore {
  /** Stores the record unless one with the same attempt id exists, in which case that one is returned. */
  saveOnce(record: AttemptRecord): Promise<SaveOnceOutcome>;
}
