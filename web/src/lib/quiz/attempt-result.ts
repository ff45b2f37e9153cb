import type { Answer, AttemptResult, IssuedAttempt, SubmissionResult } from '$core/api/schemas';

/**
 * A submission's verdicts joined with the questions the page already shows, so the result reads
 * like a review without the API sending every question back.
 */
export function withQuestions(attempt: IssuedAttempt, answers: Answer[], result: SubmissionResult): AttemptResult {
  const questions = new Map(attempt.questions.map((question) => [question.id, question]));
  const selected = new Map(answers.map((answer) => [answer.questionId, answer.selected]));
  return {
    ...result,
    issuedAt: attempt.issuedAt,
    feedback: result.feedback.map((verdict) => {
      const {
        id: _id,
        options,
        ...question
      } = questions.get(verdict.questionId) ?? {
        id: verdict.questionId,
        type: 'single' as const,
        prompt: '',
        safetyCritical: false,
        options: [],
      };
      // Until the module is passed a result names the missed questions only, as the review does.
      if (result.review !== 'full') return { ...question, ...verdict };
      const chosen = selected.get(verdict.questionId) ?? [];
      // A question answered right comes back as just that: what was chosen is the right answer.
      return { ...question, options, ...verdict, correctOptionIds: verdict.correctOptionIds ?? chosen, selected: chosen };
    }),
  };
}
