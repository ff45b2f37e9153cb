import type { Quiz } from '../api/schemas';
import type { QuestionBank } from '../course/types';

/** The quiz as a trainee may see it before submitting: no answer key, no explanations. */
export function toPublicQuiz(bank: QuestionBank): Quiz {
  return {
    moduleId: bank.moduleId,
    title: bank.title,
    passMark: bank.passMark,
    contentVersion: bank.contentVersion,
    questions: bank.questions.map(({ id, type, prompt, options }) => ({
      id,
      type,
      prompt,
      options: options.map((option) => ({ id: option.id, text: option.text })),
    })),
  };
}
