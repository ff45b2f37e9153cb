import { bundledBanks } from '../../functions/core/course/bundled-banks';
import type { Answer } from '../../functions/core/api/schemas';

export const MODULE_ID = 'mechanism-of-action';
export const bank = bundledBanks[MODULE_ID];

/** Answers every question correctly, except the ids listed, which get one wrong option. */
export function answers(wrong: string[] = []): Answer[] {
  return bank.questions.map((question) => ({
    questionId: question.id,
    selected: wrong.includes(question.id)
      ? [question.options.find((option) => !question.correctOptionIds.includes(option.id))!.id]
      : [...question.correctOptionIds],
  }));
}
