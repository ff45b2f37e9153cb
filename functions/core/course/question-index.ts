import type { BankQuestion, QuestionBank } from './types';

const questionIndexes = new WeakMap<QuestionBank, ReadonlyMap<string, BankQuestion>>();
const optionIndexes = new WeakMap<BankQuestion, ReadonlyMap<string, BankQuestion['options'][number]>>();

/** A bank's questions by id, built once per bank (banks do not change while a function runs). */
export function questionsById(bank: QuestionBank): ReadonlyMap<string, BankQuestion> {
  let index = questionIndexes.get(bank);
  if (!index) questionIndexes.set(bank, (index = new Map(bank.questions.map((question) => [question.id, question]))));
  return index;
}

/** A question's options by id, built once per question. */
export function optionsById(question: BankQuestion): ReadonlyMap<string, BankQuestion['options'][number]> {
  let index = optionIndexes.get(question);
  if (!index) optionIndexes.set(question, (index = new Map(question.options.map((option) => [option.id, option]))));
  return index;
}
