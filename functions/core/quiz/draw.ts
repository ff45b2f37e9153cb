import { randomInt } from 'node:crypto';
import type { BankQuestion, QuestionBank } from '../course/types';
import type { ServedQuestion } from './attempt-store';

/** Returns an integer in [0, max). */
export type RandomInt = (max: number) => number;

const secureRandom: RandomInt = (max) => randomInt(max);

/** Fisher–Yates on a copy. */
export function shuffle<T>(items: readonly T[], random: RandomInt = secureRandom): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = random(index + 1);
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

/**
 * The order of the options this attempt shuffles. True/false keeps True first and a case keeps its
 * decisions in order (nothing to record); a case's reasons and other items' options are shuffled.
 */
function optionOrder(question: BankQuestion, random: RandomInt): string[] {
  if (question.type === 'true-false') return [];
  if (question.type === 'case') return shuffle(question.options.filter((option) => option.group === 'reason').map((option) => option.id), random);
  return shuffle(question.options.map((option) => option.id), random);
}

/** A fresh random set of `drawSize` questions from the bank, each with its options shuffled. */
export function drawQuestions(bank: QuestionBank, random: RandomInt = secureRandom): ServedQuestion[] {
  return shuffle(bank.questions, random)
    .slice(0, bank.policy.drawSize)
    .map((question) => ({ questionId: question.id, optionOrder: optionOrder(question, random) }));
}
