import type { AttemptResult, QuestionFeedback } from '../api/schemas';
import type { QuestionBank } from '../course/types';
import type { AttemptRecord } from './attempt-store';

/** The result a trainee sees, rebuilt from a stored attempt and the question bank. */
export function attemptResult(record: AttemptRecord, bank: QuestionBank | undefined): AttemptResult {
  const questions = new Map(bank?.questions.map((question) => [question.id, question]));
  const feedback = record.answers.map(({ questionId, selected, correct }): QuestionFeedback => {
    const question = questions.get(questionId);
    return {
      questionId,
      // A question removed from the course since the attempt keeps its verdict, without text.
      prompt: question?.prompt ?? 'This question is no longer part of the course.',
      selected,
      correctOptionIds: question?.correctOptionIds ?? [],
      correct,
      explanation: question?.explanation ?? '',
      section: question?.section ?? '',
    };
  });
  const { attemptId, moduleId, contentVersion, submittedAt, correctCount, questionCount, score, passMark, passed } = record;
  return { attemptId, moduleId, contentVersion, submittedAt, correctCount, questionCount, score, passMark, passed, feedback };
}
