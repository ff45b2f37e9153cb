import { optionsById, questionsById } from '../course/question-index';
import type { BankQuestion, QuestionBank } from '../course/types';
import type { ErrorLocation } from '../errors';
import { InvalidAnswers } from './errors';
import type { Answer, FailedRule, GradedAnswer, ServedQuestion, Submission } from './types';

/** Everything a submission records except when. */
export type Score = Omit<Submission, 'submittedAt'>;

/** Answers may only concern questions this attempt served, with options those questions have. */
function checkAnswers(questions: Map<string, BankQuestion>, answers: Answer[]): void {
  const errors: ErrorLocation[] = [];
  const answered = new Set<string>();
  answers.forEach((answer, index) => {
    const pointer = `/answers/${index}`;
    const question = questions.get(answer.questionId);
    if (!question) {
      errors.push({ pointer: `${pointer}/questionId`, message: `Question "${answer.questionId}" was not served in this attempt.` });
      return;
    }
    if (answered.has(answer.questionId)) {
      errors.push({ pointer: `${pointer}/questionId`, message: `Question "${answer.questionId}" is answered more than once.` });
    }
    answered.add(answer.questionId);
    const options = optionsById(question);
    answer.selected.forEach((optionId, optionIndex) => {
      if (!options.has(optionId)) {
        errors.push({
          pointer: `${pointer}/selected/${optionIndex}`,
          message: `Question "${answer.questionId}" has no option "${optionId}".`,
        });
      }
    });
    if (new Set(answer.selected).size !== answer.selected.length) {
      errors.push({ pointer: `${pointer}/selected`, message: `Question "${answer.questionId}" selects an option twice.` });
    }
    const groups = answer.selected.map((optionId) => options.get(optionId)?.group);
    const tooMany =
      question.type === 'case'
        ? groups.filter((group) => group === 'decision').length > 1 || groups.filter((group) => group === 'reason').length > 1
        : question.type !== 'multiple' && answer.selected.length > 1;
    if (tooMany) {
      const rule = question.type === 'case' ? 'one decision and one reason' : 'a single answer';
      errors.push({ pointer: `${pointer}/selected`, message: `Question "${answer.questionId}" takes ${rule}.` });
    }
  });
  if (errors.length > 0) throw new InvalidAnswers(errors);
}

/**
 * Scores answers to the questions an attempt served. A question counts as correct only when
 * exactly its correct options are selected; unanswered counts as incorrect. The attempt passes
 * with the pass mark AND every served safety-critical question right. Pure: no I/O.
 */
export function scoreAttempt(bank: QuestionBank, served: ServedQuestion[], passMark: number, answers: Answer[]): Score {
  const byId = questionsById(bank);
  const servedQuestions = new Map(served.map(({ questionId }) => [questionId, byId.get(questionId)!]));
  checkAnswers(servedQuestions, answers);
  const selectedFor = new Map(answers.map((answer) => [answer.questionId, answer.selected]));
  const graded = served.map(({ questionId }): GradedAnswer & { safetyCritical: boolean } => {
    const question = servedQuestions.get(questionId)!;
    const selected = [...(selectedFor.get(questionId) ?? [])].sort();
    const correct =
      selected.length === question.correctOptionIds.length && question.correctOptionIds.every((optionId) => selected.includes(optionId));
    return { questionId, selected, correct, safetyCritical: question.safetyCritical };
  });
  const correctCount = graded.filter((answer) => answer.correct).length;
  const questionCount = graded.length;
  const score = questionCount === 0 ? 0 : correctCount / questionCount;
  const failedRules: FailedRule[] = [];
  if (score < passMark) failedRules.push('pass-mark');
  if (graded.some((answer) => answer.safetyCritical && !answer.correct)) failedRules.push('safety-critical');
  return {
    correctCount,
    questionCount,
    score,
    passed: failedRules.length === 0,
    failedRules,
    answers: graded.map(({ questionId, selected, correct }) => ({ questionId, selected, correct })),
  };
}
