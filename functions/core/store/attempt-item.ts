import type { AttemptRecord, GradedAnswer, ServedQuestion, Submission } from '../quiz/types';
import { encodeServedToken, isRetakeToken, servedInToken } from '../quiz/served-token';
import { keys } from './keys';

/**
 * Compact encodings keep a submitted attempt within one 1 KB write unit (an update is billed on
 * the whole item): what was served as `draw`, the served token itself (module~version~
 * `questionId|c,a,b;…`, marked `~retake` after a pass), so a submission's condition checks all of it with one equality; and
 * graded answers as one string `b|1;a,c|0;…` in served order, so question ids are not repeated.
 */
const encodeAnswers = (answers: GradedAnswer[]) =>
  answers.map(({ selected, correct }) => `${selected.join(',')}|${correct ? 1 : 0}`).join(';');

function decodeAnswers(encoded: string, served: ServedQuestion[]): GradedAnswer[] {
  return encoded.split(';').map((entry, index) => {
    const [selected, correct] = entry.split('|');
    return { questionId: served[index].questionId, selected: selected ? selected.split(',') : [], correct: correct === '1' };
  });
}

export const encodeSubmission = (submission: Submission) => ({ ...submission, answers: encodeAnswers(submission.answers) });

export function attemptFromItem(item: Record<string, unknown>): AttemptRecord {
  const { attemptId, userSub, moduleId, contentVersion, passMark, issuedAt, expiresAt, draw, submission } = item as Record<string, never>;
  const stored = submission as (Omit<Submission, 'answers'> & { answers: string }) | undefined;
  const servedQuestions = servedInToken(draw);
  return {
    attemptId,
    userSub,
    moduleId,
    contentVersion,
    passMark,
    issuedAt,
    expiresAt,
    served: servedQuestions,
    ...(isRetakeToken(draw) ? { retakeAfterPass: true } : {}),
    ...(stored ? { submission: { ...stored, answers: decodeAnswers(stored.answers, servedQuestions) } } : {}),
  };
}

/** An issued attempt as a table item: in its trainee's partition, findable by id through the keys-only gsi3. */
export function attemptItem(record: AttemptRecord): Record<string, unknown> {
  // What was served and whether it is a retake live in the draw, which the submission's condition compares.
  const { served: _served, retakeAfterPass: _retake, ...fields } = record;
  return {
    ...keys.attempt(record.userSub, record.attemptId),
    ...keys.attemptById(record.attemptId),
    type: 'Attempt',
    ...fields,
    draw: encodeServedToken(record),
  };
}
