import { DECISIONS, type AuthoredQuestion } from './schema';

/**
 * What a machine can check of a question bank's quality, so that a quiz tests competence and
 * cannot be passed on test-wise cues. The course build applies every rule to every module and
 * fails with the file and the reason. Each limit is named here; the README explains them.
 */
export const ITEM_RULES = {
  /** A retake can then be drawn wholly from questions the last attempt did not show. */
  bankToDrawRatio: 2.5,
  minItemsPerObjective: 3,
  /** Items set in a realistic case (a `case` item, or any item with a vignette). */
  minVignettes: 5,
  /** A module with this many case items uses every screening decision as a key at least once. */
  caseItemsNeedingEveryDecision: 6,
  /** Of single-answer and case items with 3+ options: how often the key may be the longest option. */
  maxShareKeyLongest: 1 / 3,
  maxTrueFalseImbalance: 1,
  maxShareSafetyCritical: 0.5,
  /** Two stems (prompt and vignette) sharing this share of their words test the same thing. */
  maxStemOverlap: 0.8,
  /** How much more often distractors may carry absolute words than keys. */
  maxAbsoluteWordGap: 0.15,
  /** How much more often false true/false statements may carry absolute words than true ones. */
  maxTrueFalseAbsoluteGap: 0.5,
  /** How much more often right options may be written "action; reason" (or with a "Label:") than wrong ones. */
  maxPunctuationGap: 0.15,
  /** Of single-answer and case items with 3+ options: how often the key may be the one option written differently. */
  maxShareKeyOddForm: 1 / 6,
  /** True/false statements of "this course's policy": with this many, they must not all have the same key. */
  minPolicyStatementsForKeyRule: 3,
  minTrueFalseForWordingRule: 4,
  /** The same option text in more items than this is a stock distractor. */
  maxItemsSharingAnOption: 2,
} as const;

/** Words test-wise candidates learn to distrust in an option, and to distrust in a true/false statement. */
export const ABSOLUTE =
  /\b(never|always|permanent(ly)?|guarantee(s|d)?|completely|entirely|at all|no risk|all|any|every|none|nothing|only)\b/i;
/** An option that begins with a short label and a colon ("Finding: …"). */
const LABELLED = /^[^:;.,]{2,40}:\s/;
const ANSWER_PATTERN_OPTIONS = /\b(all|none|both) of (the above|these)\b|\bboth [a-e] and [a-e]\b/i;

interface OptionLike {
  text: string;
  correct: boolean;
}

const optionsOf = (question: AuthoredQuestion): OptionLike[] =>
  question.type === 'case' ? question.reasons : question.type === 'true-false' ? [] : question.options;

const share = (count: number, total: number) => (total === 0 ? 0 : count / total);
const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;
const words = (text: string) => new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? []);
const normalised = (text: string) => (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).join(' ');

function overlap(a: Set<string>, b: Set<string>): number {
  const shared = [...a].filter((word) => b.has(word)).length;
  return share(shared, new Set([...a, ...b]).size);
}

/**
 * Every rule a module's bank breaks, as reasons naming the items and the figures. `drawSize` and
 * `objectiveIds` come from the module's frontmatter.
 */
export function itemRuleViolations(questions: readonly AuthoredQuestion[], drawSize: number, objectiveIds: readonly string[]): string[] {
  const rules = ITEM_RULES;
  const problems: string[] = [];

  const needed = Math.ceil(rules.bankToDrawRatio * drawSize);
  if (questions.length < needed) {
    problems.push(
      `the bank has ${questions.length} questions; a draw of ${drawSize} needs at least ${needed} ` +
        `(${rules.bankToDrawRatio} × the draw, so a retake can avoid the last attempt's questions)`,
    );
  }

  for (const objective of objectiveIds) {
    const count = questions.filter((question) => question.objective === objective).length;
    if (count < rules.minItemsPerObjective)
      problems.push(`objective ${objective} is tested by ${count} item(s); every objective needs at least ${rules.minItemsPerObjective}`);
  }

  const vignettes = questions.filter((question) => question.type === 'case' || ('vignette' in question && question.vignette)).length;
  if (vignettes < rules.minVignettes)
    problems.push(`${vignettes} item(s) are set in a case (a vignette); a module needs at least ${rules.minVignettes}`);

  const cases = questions.filter((question) => question.type === 'case');
  if (cases.length >= rules.caseItemsNeedingEveryDecision) {
    const unused = Object.keys(DECISIONS).filter((decision) => !cases.some((question) => question.decision === decision));
    if (unused.length)
      problems.push(
        `${cases.length} case items, but no case is keyed ${unused.join(', ')}: every decision must be a right answer somewhere`,
      );
  }

  const singleKey = questions.filter(
    (question) => (question.type === 'single' || question.type === 'case') && optionsOf(question).length >= 3,
  );
  const keyLongest = singleKey.filter((question) => {
    const options = optionsOf(question);
    const key = options.find((option) => option.correct)!;
    return options.every((option) => option === key || option.text.length < key.text.length);
  });
  if (share(keyLongest.length, singleKey.length) > rules.maxShareKeyLongest) {
    problems.push(
      `the right answer is the longest option in ${keyLongest.length} of ${singleKey.length} single-answer and case items ` +
        `(${percent(share(keyLongest.length, singleKey.length))}; at most ${percent(rules.maxShareKeyLongest)}): ` +
        keyLongest.map((question) => question.id).join(', '),
    );
  }

  const trueFalse = questions.filter(
    (question): question is Extract<AuthoredQuestion, { type: 'true-false' }> => question.type === 'true-false',
  );
  const trueKeyed = trueFalse.filter((question) => question.answer);
  const falseKeyed = trueFalse.filter((question) => !question.answer);
  if (Math.abs(trueKeyed.length - falseKeyed.length) > rules.maxTrueFalseImbalance) {
    problems.push(
      `true/false keys are unbalanced: ${trueKeyed.length} true, ${falseKeyed.length} false (they may differ by ${rules.maxTrueFalseImbalance})`,
    );
  }
  if (trueFalse.length >= rules.minTrueFalseForWordingRule) {
    const absoluteShare = (list: typeof trueFalse) => share(list.filter((question) => ABSOLUTE.test(question.prompt)).length, list.length);
    const gap = absoluteShare(falseKeyed) - absoluteShare(trueKeyed);
    if (gap > rules.maxTrueFalseAbsoluteGap) {
      problems.push(
        `false statements use absolute words (never, always, only…) in ${percent(absoluteShare(falseKeyed))} of items ` +
          `and true ones in ${percent(absoluteShare(trueKeyed))}: "absolute means false" would pass; ` +
          'word some true statements firmly and some false ones with hedges',
      );
    }
  }

  for (const question of questions) {
    const patterned = optionsOf(question).find((option) => ANSWER_PATTERN_OPTIONS.test(option.text));
    if (patterned) problems.push(`${question.id} has the option "${patterned.text}": no "all/none of the above" or "both a and b"`);
  }

  const multiple = questions.filter((question) => question.type === 'multiple');
  const correctCounts = multiple.map((question) => ({
    id: question.id,
    options: question.options.length,
    correct: question.options.filter((option) => option.correct).length,
  }));
  for (const item of correctCounts.filter((entry) => entry.correct === entry.options))
    problems.push(`${item.id} marks every option correct`);
  const allButOne = correctCounts.filter((entry) => entry.correct === entry.options - 1);
  if (allButOne.length > multiple.length / 2)
    problems.push(`${allButOne.length} of ${multiple.length} multiple-answer items have all but one option correct (at most half)`);
  if (multiple.length >= 3 && new Set(correctCounts.map((entry) => entry.correct)).size < 2) {
    problems.push(
      `every multiple-answer item has ${correctCounts[0].correct} correct options: vary the number, so "tick ${correctCounts[0].correct}" does not pass`,
    );
  }

  const critical = questions.filter((question) => question.safetyCritical).length;
  if (critical === 0) problems.push('no item is safety-critical: every module has something a practitioner must never get wrong');
  if (share(critical, questions.length) > rules.maxShareSafetyCritical) {
    problems.push(
      `${critical} of ${questions.length} items are safety-critical (${percent(share(critical, questions.length))}; ` +
        `at most ${percent(rules.maxShareSafetyCritical)}): keep the flag for never-events`,
    );
  }

  const stems = questions.map((question) => ({
    id: question.id,
    words: words(`${'vignette' in question ? (question.vignette ?? '') : ''} ${question.prompt}`),
  }));
  for (const [index, a] of stems.entries()) {
    for (const b of stems.slice(index + 1)) {
      const shared = overlap(a.words, b.words);
      if (shared >= rules.maxStemOverlap)
        problems.push(`${a.id} and ${b.id} have nearly the same stem (${percent(shared)} of their words shared)`);
    }
  }

  // The form of an option can give it away as surely as its length: "action; reason" among plain
  // clauses, or the one reason without a "Finding:" label.
  const formOf = (text: string) => `${text.includes(';') ? ';' : ''}${LABELLED.test(text) ? ':' : ''}`;
  const oddForm = singleKey.filter((question) => {
    const options = optionsOf(question);
    const key = options.find((option) => option.correct)!;
    const others = new Set(options.filter((option) => option !== key).map((option) => formOf(option.text)));
    return others.size === 1 && !others.has(formOf(key.text));
  });
  if (share(oddForm.length, singleKey.length) > rules.maxShareKeyOddForm) {
    problems.push(
      'the right answer is the only option written differently (a semicolon or a "Label:" the others lack, or the reverse) ' +
        `in ${oddForm.length} of ${singleKey.length} items (at most ${percent(rules.maxShareKeyOddForm)}): ` +
        oddForm.map((question) => question.id).join(', '),
    );
  }
  const policyStatements = trueFalse.filter((question) => /\bpolicy\b/i.test(question.prompt));
  if (
    policyStatements.length >= rules.minPolicyStatementsForKeyRule &&
    new Set(policyStatements.map((question) => question.answer)).size === 1
  ) {
    problems.push(
      `every true/false statement about "policy" is keyed ${policyStatements[0].answer}: ${policyStatements.map((question) => question.id).join(', ')}`,
    );
  }

  const options = questions.flatMap(optionsOf);
  const keys = options.filter((option) => option.correct);
  const distractors = options.filter((option) => !option.correct);
  const punctuatedIn = (list: OptionLike[]) =>
    share(list.filter((option) => option.text.includes(';') || LABELLED.test(option.text)).length, list.length);
  if (punctuatedIn(keys) - punctuatedIn(distractors) > rules.maxPunctuationGap) {
    problems.push(
      `right options are written "action; reason" or "Label: …" in ${percent(punctuatedIn(keys))} of cases, ` +
        `wrong ones in ${percent(punctuatedIn(distractors))}: write every option of an item in the same form`,
    );
  }
  const absoluteIn = (list: OptionLike[]) => share(list.filter((option) => ABSOLUTE.test(option.text)).length, list.length);
  if (absoluteIn(distractors) - absoluteIn(keys) > rules.maxAbsoluteWordGap) {
    problems.push(
      `absolute words (never, always, only…) are in ${percent(absoluteIn(distractors))} of wrong options ` +
        `but ${percent(absoluteIn(keys))} of right ones: "avoid the absolute option" would pass`,
    );
  }

  const itemsByOption = new Map<string, Set<string>>();
  for (const question of questions) {
    for (const option of optionsOf(question)) {
      const text = normalised(option.text);
      itemsByOption.set(text, new Set([...(itemsByOption.get(text) ?? []), question.id]));
    }
  }
  for (const [text, ids] of itemsByOption) {
    if (ids.size > rules.maxItemsSharingAnOption)
      problems.push(
        `the option "${text}" appears in ${ids.size} items (${[...ids].join(', ')}): a stock distractor is learnt, not reasoned out`,
      );
  }
  return problems;
}
