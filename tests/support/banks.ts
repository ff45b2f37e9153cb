import { bundledBanks } from '../../functions/core/course/bundled-banks';
import type { Answer, IssuedAttempt, SubmitAnswers } from '../../functions/core/api/schemas';

export { bundledBanks };

/** The correct answer to a question, by its id. */
export function correctAnswer(questionId: string): string[] {
  for (const bank of bundledBanks.all()) {
    const question = bank.questions.find((candidate) => candidate.id === questionId);
    if (question) return [...question.correctOptionIds];
  }
  throw new Error(`no question ${questionId}`);
}

export const questionById = (questionId: string) =>
  bundledBanks
    .all()
    .flatMap((bank) => bank.questions)
    .find((question) => question.id === questionId)!;

/** A wrong but well-formed answer: another option (for a case item, the wrong decision). */
export function wrongAnswer(questionId: string): string[] {
  const question = questionById(questionId);
  const right = question.correctOptionIds;
  if (question.type === 'case') {
    const decision = question.options.find((option) => option.group === 'decision' && !right.includes(option.id))!;
    return [decision.id, right[1]];
  }
  return [question.options.find((option) => !right.includes(option.id))!.id];
}

/** Answers every served question correctly, except the ids listed, which get a wrong answer. */
export function answersFor(attempt: Pick<IssuedAttempt, 'questions'>, wrong: string[] = []): Answer[] {
  return attempt.questions.map((question) => ({
    questionId: question.id,
    selected: wrong.includes(question.id) ? wrongAnswer(question.id) : correctAnswer(question.id),
  }));
}

/** A submission body for an issued attempt: its served token and `answersFor` answers. */
export function submissionFor(attempt: Pick<IssuedAttempt, 'questions' | 'servedToken'>, wrong: string[] = []): SubmitAnswers {
  return { servedToken: attempt.servedToken, answers: answersFor(attempt, wrong) };
}
