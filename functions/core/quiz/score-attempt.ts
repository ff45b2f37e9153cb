import type { Answer, QuestionFeedback } from '../api/schemas';
import type { ErrorLocation } from '../errors';
import { InvalidAnswers } from '../errors';
import type { QuestionBank } from '../course/types';

export interface Score {
  correctCount: number;
  questionCount: number;
  score: number;
  passMark: number;
  passed: boolean;
  feedback: QuestionFeedback[];
}

function checkAnswers(bank: QuestionBank, answers: Answer[]): void {
  const errors: ErrorLocation[] = [];
  const questions = new Map(bank.questions.map((question) => [question.id, question]));
  const answered = new Set<string>();
  answers.forEach((answer, index) => {
    const pointer = `/answers/${index}`;
    const question = questions.get(answer.questionId);
    if (!question) {
      errors.push({ pointer: `${pointer}/questionId`, message: `Question "${answer.questionId}" is not part of this quiz.` });
      return;
    }
    if (answered.has(answer.questionId)) {
      errors.push({ pointer: `${pointer}/questionId`, message: `Question "${answer.questionId}" is answered more than once.` });
    }
    answered.add(answer.questionId);
    const optionIds = new Set(question.options.map((option) => option.id));
    answer.selected.forEach((optionId, optionIndex) => {
      if (!optionIds.has(optionId)) {
        errors.push({
          pointer: `${pointer}/selected/${optionIndex}`,
          message: `Question "${answer.questionId}" has no option "${optionId}".`,
        });
      }
    });
    if (new Set(answer.selected).size !== answer.selected.length) {
      errors.push({ pointer: `${pointer}/selected`, message: `Question "${answer.questionId}" selects an option twice.` });
    }
    if (question.type === 'single' && answer.selected.length > 1) {
      errors.push({ pointer: `${pointer}/selected`, message: `Question "${answer.questionId}" takes a single answer.` });
    }
  });
  if (errors.length > 0) throw new InvalidAnswers(errors);
}

/**
 * Scores answers against the bank. A question counts as correct only when exactly its correct
 * options are selected; an unanswered question counts as incorrect. Pure: no I/O.
 */
export function scoreAttempt(bank: QuestionBank, answers: Answer[]): Score {
  checkAnswers(bank, answers);
  const selectedByQuestion = new Map(answers.map((answer) => [answer.questionId, answer.selected]));
  const feedback = bank.questions.map((question): QuestionFeedback => {
    const selected = selectedByQuestion.get(question.id) ?? [];
    const correct =
      selected.length === question.correctOptionIds.length &&
      question.correctOptionIds.every((optionId) => selected.includes(optionId));
    return {
      questionId: question.id,
      prompt: question.prompt,
      selected: [...selected].sort(),
      correctOptionIds: question.correctOptionIds,
      correct,
      explanation: question.explanation,
      section: question.section,
    };
  });
  const correctCount = feedback.filter((item) => item.correct).length;
  const questionCount = bank.questions.length;
  const score = questionCount === 0 ? 0 : correctCount / questionCount;
  return { correctCount, questionCount, score, passMark: bank.passMark, passed: score >= bank.passMark, feedback };
}
