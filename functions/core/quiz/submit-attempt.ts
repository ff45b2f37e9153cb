import { createHash } from 'node:crypto';
import type { AttemptResult, SubmitAttempt } from '../api/schemas';
import type { Principal } from '../auth/principal';
import type { QuestionBanks } from '../course/types';
import { AttemptConflict, ModuleNotFound } from '../errors';
import { attemptResult } from './attempt-result';
import type { AttemptRecord, AttemptStore } from './attempt-store';
import { scoreAttempt } from './score-attempt';

export interface SubmitAttemptDeps {
  banks: QuestionBanks;
  attempts: AttemptStore;
  now: () => Date;
}

export interface SubmitOutcome {
  /** True when this attempt id had already been stored and the stored result is returned. */
  replayed: boolean;
  result: AttemptResult;
}

function fingerprint(submission: SubmitAttempt): string {
  const answers = [...submission.answers]
    .sort((a, b) => a.questionId.localeCompare(b.questionId))
    .map((answer) => [answer.questionId, [...answer.selected].sort()]);
  return createHash('sha256').update(JSON.stringify([submission.moduleId, answers])).digest('base64url');
}

/**
 * Scores a submission and stores it exactly once. Everything is checked before the single
 * conditional write, so a bad submission writes nothing, and a retried one writes nothing new.
 */
export async function submitAttempt(deps: SubmitAttemptDeps, trainee: Principal, submission: SubmitAttempt): Promise<SubmitOutcome> {
  const bank = deps.banks[submission.moduleId];
  if (!bank) throw new ModuleNotFound(submission.moduleId);
  const { feedback, ...score } = scoreAttempt(bank, submission.answers);
  const record: AttemptRecord = {
    attemptId: submission.attemptId,
    userSub: trainee.sub,
    moduleId: bank.moduleId,
    contentVersion: bank.contentVersion,
    submissionHash: fingerprint(submission),
    submittedAt: deps.now().toISOString(),
    ...score,
    answers: feedback.map(({ questionId, selected, correct }) => ({ questionId, selected, correct })),
  };
  const outcome = await deps.attempts.saveOnce(record);
  if (outcome.created) return { replayed: false, result: attemptResult(record, bank) };
  // Someone else's attempt id is a conflict too, and says nothing about their attempt.
  const sameSubmission = outcome.existing.userSub === trainee.sub && outcome.existing.submissionHash === record.submissionHash;
  if (!sameSubmission) throw new AttemptConflict(submission.attemptId);
  return { replayed: true, result: attemptResult(outcome.existing, deps.banks[outcome.existing.moduleId]) };
}
