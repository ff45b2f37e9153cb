import { randomInt } from 'node:crypto';
import type { BankQuestion, QuestionBank } from '../course/types';
import type { ServedQuestion } from './types';

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
  if (question.type === 'case')
    return shuffle(
      question.options.filter((option) => option.group === 'reason').map((option) => option.id),
      random,
    );
  return shuffle(
    question.options.map((option) => option.id),
    random,
  );
}

/** A draw: what was served, and how many of its questions the trainee was also served last time. */
export interface Draw {
  served: ServedQuestion[];
  repeatedFromLastAttempt: number;
}

/** Takes one question from each objective in turn (objectives in random order), so a draw spreads over the module. */
function spreadOverObjectives(questions: readonly BankQuestion[], count: number, random: RandomInt): BankQuestion[] {
  const byObjective = new Map<string, BankQuestion[]>();
  for (const question of questions) byObjective.set(question.objective, [...(byObjective.get(question.objective) ?? []), question]);
  const queues = shuffle([...byObjective.values()], random);
  const picked: BankQuestion[] = [];
  while (picked.length < count && queues.some((queue) => queue.length > 0)) {
    for (const queue of queues) if (picked.length < count && queue.length > 0) picked.push(queue.shift()!);
  }
  return picked;
}

/**
 * A fresh random set of `drawSize` questions from the bank, each with its options shuffled. It
 * avoids the questions of the trainee's previous attempt while the bank has others, so a retake
 * tests knowledge rather than memory, and spreads over the module's objectives.
 */
export function drawQuestions(bank: QuestionBank, options: { avoid?: ReadonlySet<string>; random?: RandomInt } = {}): Draw {
  const { avoid = new Set<string>(), random = secureRandom } = options;
  const shuffled = shuffle(bank.questions, random);
  const fresh = spreadOverObjectives(
    shuffled.filter((question) => !avoid.has(question.id)),
    bank.policy.drawSize,
    random,
  );
  const repeats = spreadOverObjectives(
    shuffled.filter((question) => avoid.has(question.id)),
    bank.policy.drawSize - fresh.length,
    random,
  );
  // The order questions are shown in is random too, not grouped by objective.
  const picked = shuffle([...fresh, ...repeats], random);
  return {
    served: picked.map((question) => ({ questionId: question.id, optionOrder: optionOrder(question, random) })),
    repeatedFromLastAttempt: repeats.length,
  };
}
