import { canSeePerson } from '../accounts/policy';
import type { PeopleStore } from '../accounts/ports';
import type { AttemptSummary } from '../api/schemas';
import { NotFound } from '../auth/errors';
import type { Principal } from '../auth/principal';
import type { AttemptRecord, AttemptStore } from './attempt-store';

export interface ListAttemptsDeps {
  attempts: AttemptStore;
  people: Pick<PeopleStore, 'getPerson'>;
}

const summary = ({ attemptId, moduleId, contentVersion, submittedAt, correctCount, questionCount, score, passMark, passed }: AttemptRecord): AttemptSummary => ({
  attemptId,
  moduleId,
  contentVersion,
  submittedAt,
  correctCount,
  questionCount,
  score,
  passMark,
  passed,
});

export async function listMyAttempts(deps: ListAttemptsDeps, trainee: Principal): Promise<AttemptSummary[]> {
  return (await deps.attempts.listByUser(trainee.sub)).map(summary);
}

/** A trainee's attempts for someone allowed to see that trainee; to anyone else the trainee does not exist. */
export async function listTraineeAttempts(deps: ListAttemptsDeps, viewer: Principal, traineeSub: string): Promise<AttemptSummary[]> {
  const trainee = await deps.people.getPerson(traineeSub);
  if (!trainee || trainee.role !== 'trainee' || !canSeePerson(viewer, trainee)) throw new NotFound('Trainee');
  return (await deps.attempts.listByUser(traineeSub)).map(summary);
}
