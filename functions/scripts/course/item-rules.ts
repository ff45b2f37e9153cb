import { DECISIONS, type AuthoredQuestion, type Decision } from './schema';

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
  /**
   * …and how seldom. By chance the key of a 4-option item is the longest about a quarter of the time; a
   * bank where it almost never is teaches "never pick the longest", which pays as surely as the reverse.
   */
  minShareKeyLongest: 0.1,
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
  /**
   * Of case items: how often the key's decision may be the only decision that two or more reasons
   * state. Near-miss reasons (the right decision with the wrong timeframe, person or follow-up) are good
   * content, but when the near miss always shares the key's decision, "pick the decision two reasons
   * share" answers the item without the framework. The shared decision should often be a wrong one,
   * and some items should give each decision once.
   */
  maxShareKeyDecisionRepeated: 1 / 3,
  /**
   * Of single-answer and case items in which exactly one opening (a stated decision, or else the first
   * two words) is shared by two or more options, but not by all: how often the key may be among them.
   * With a pair among four options chance is one half, with three among five three fifths. Well above
   * it, "pick from the options that open alike" pays; well below it, "never pick them" pays as surely
   * (a bank that fixes the first cue by always making the pair wrong teaches the second). So both ways.
   */
  maxShareKeyInSharedOpening: 0.65,
  minShareKeyInSharedOpening: 0.3,
  /**
   * The same, counted over safety-critical items only, since one wrong answer there fails the attempt:
   * a bank can be balanced overall and still let the pattern decide exactly the items that gate a pass.
   * Fewer items, so wider bounds.
   */
  maxShareCriticalKeyInSharedOpening: 0.75,
  minShareCriticalKeyInSharedOpening: 0.2,
  /** With fewer items that have one shared opening than this, the share says little and is not checked. */
  minItemsForSharedOpeningRule: 4,
  /**
   * Of single-answer and case items with 3+ options: how often the key may be the one option that opens
   * differently, every distractor opening alike ("Book a course…" three times, and the key "Explain…").
   */
  maxShareKeyLoneOpening: 1 / 6,
  /**
   * For each family of cue words (deferring to a person or condition, a fixed delay, urgency): how much
   * the share of keys carrying it may differ from the share of distractors carrying it, either way. If
   * keys say "medical lead", "refer" or "until" and distractors say "for two weeks", the words decide.
   */
  maxCueWordGap: 0.15,
  /**
   * Of safety-critical single-answer and case items: how often the key may be the one option of the
   * highest escalation tier (emergency services, then urgent or same-day, then a referral or a named
   * doctor, prescriber or medical lead). Distractors that over-escalate (too much, too fast, the wrong
   * person) keep "pick the most urgent" from passing; with none, the item tests "escalate more than the
   * others", not the decision.
   */
  maxShareKeyMostEscalated: 0.3,
  /** With fewer safety-critical single-answer and case items than this, the share is not checked. */
  minItemsForEscalationRule: 4,
} as const;

/** Words test-wise candidates learn to distrust in an option, and to distrust in a true/false statement. */
export const ABSOLUTE =
  /\b(never|always|permanent(ly)?|guarantee(s|d)?|completely|entirely|at all|no risk|all|any|every|none|nothing|only)\b/i;
/** An option that begins with a short label and a colon ("Finding: …"). */
const LABELLED = /^[^:;.,]{2,40}:\s/;
const ANSWER_PATTERN_OPTIONS = /\b(all|none|both) of (the above|these)\b|\bboth [a-e] and [a-e]\b/i;

/** A case reason's "Finding:" label, up to its colon, before the decision it states. */
const REASON_LABEL = /^[^:;]{2,80}:\s*/;
/** How an option states a screening decision at its start (after a case reason's label). */
const DECISION_OPENINGS: readonly [Decision, RegExp][] = [
  ['precautions', /^(proceed with precautions|precautions)\b/],
  ['proceed', /^proceed\b/],
  ['defer', /^defer\b/],
  ['do-not-treat', /^(do not treat|not in this setting)\b/],
];

/** The screening decision an option or case reason opens with, if it opens with one. */
export function statedDecision(text: string, labelled = false): Decision | undefined {
  const claim = (labelled ? text.replace(REASON_LABEL, '') : text).toLowerCase().trim();
  return DECISION_OPENINGS.find(([, pattern]) => pattern.test(claim))?.[0];
}

/**
 * Words a test-wise candidate can learn to follow or avoid, whatever the item: deferring to a person
 * or a condition, a fixed delay, and urgency. Keys and distractors should carry each about as often.
 */
const COUNT = String.raw`\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|few|several`;
const FIXED_DELAY = new RegExp(
  String.raw`\b(${COUNT})\s+(hours?|days?|weeks?|months?|years?)\b|\b(tomorrow|fortnight|next (week|month|session|visit|time))\b`,
  'i',
);
export const CUE_WORDS = {
  'defer to a person or a condition ("medical lead", "refer", "until", "clearance")': /\b(medical lead|refer\w*|until|clearance)\b/i,
  'name a fixed delay ("two weeks", "in a month", "tomorrow")': FIXED_DELAY,
  'carry urgency ("urgently", "same-day", "emergency", "at once")': /\b(urgent\w*|same[- ]day|emergency|at once|immediately)\b/i,
} as const;

/** Escalation tiers, highest first: an option's tier is that of the first pattern it matches (none: 0). */
const ESCALATION_TIERS = [
  /\b(emergency services|ambulance|emergency department)\b/i,
  /\b(urgent\w*|same[- ]day|at once|immediately|promptly)\b/i,
  /\b(refer\w*|medical lead|doctor|GP|dermatologist|prescriber|specialist|treating team|haematology|oncologist|injector|clearance)\b/i,
];
const escalationTier = (text: string) => {
  const index = ESCALATION_TIERS.findIndex((pattern) => pattern.test(text));
  return index === -1 ? 0 : ESCALATION_TIERS.length - index;
};

interface OptionLike {
  text: string;
  correct: boolean;
}

const optionsOf = (question: AuthoredQuestion): OptionLike[] =>
  question.type === 'case' ? question.reasons : question.type === 'true-false' ? [] : question.options;

const share = (count: number, total: number) => (total === 0 ? 0 : count / total);
const firstWords = (text: string, count: number) => (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).slice(0, count).join(' ');

/**
 * How an option opens, for comparing options of one item: in a case, the decision its reason states
 * (or, stating none, the whole reason); otherwise the decision it opens with, or else its first two words.
 */
function openingOf(question: AuthoredQuestion, text: string): string {
  if (question.type === 'case') return statedDecision(text, true) ?? `reason: ${text}`;
  return statedDecision(text) ?? firstWords(text, 2);
}

interface Tally {
  count: number;
  of: number;
  ids: string[];
}
/** Which of `among` hold, and how many they are of. */
const tally = (among: readonly AuthoredQuestion[], holds: (question: AuthoredQuestion) => boolean): Tally => {
  const ids = among.filter(holds).map((question) => question.id);
  return { count: ids.length, of: among.length, ids };
};

/**
 * The cue figures of a bank, as the rules below measure them: for each cue, how many items show it
 * out of how many it is counted among (and which), or the shares of keys and distractors using words.
 */
export function cueFigures(questions: readonly AuthoredQuestion[]) {
  const singleKey = questions.filter(
    (question) => (question.type === 'single' || question.type === 'case') && optionsOf(question).length >= 3,
  );
  const keyOf = (question: AuthoredQuestion) => optionsOf(question).find((option) => option.correct)!;
  const openings = (question: AuthoredQuestion) => optionsOf(question).map((option) => openingOf(question, option.text));
  const sharedOpenings = (question: AuthoredQuestion) => {
    const all = openings(question);
    return [...new Set(all)].filter((opening) => all.filter((other) => other === opening).length >= 2);
  };

  const keyLongest = tally(singleKey, (question) => {
    const key = keyOf(question);
    return optionsOf(question).every((option) => option === key || option.text.length < key.text.length);
  });

  const cases = singleKey.filter((question) => question.type === 'case');
  const keyDecisionRepeated = tally(cases, (question) => {
    const shared = sharedOpenings(question);
    return shared.length === 1 && shared[0] === openingOf(question, keyOf(question).text);
  });

  const withOneSharedOpening = singleKey.filter((question) => {
    const shared = sharedOpenings(question);
    return shared.length === 1 && openings(question).some((opening) => opening !== shared[0]);
  });
  const keyInShared = (question: AuthoredQuestion) => sharedOpenings(question)[0] === openingOf(question, keyOf(question).text);
  const keyInSharedOpening = tally(withOneSharedOpening, keyInShared);
  const criticalKeyInSharedOpening = tally(
    withOneSharedOpening.filter((question) => question.safetyCritical),
    keyInShared,
  );

  const keyLoneOpening = tally(singleKey, (question) => {
    const key = keyOf(question);
    const others = new Set(
      optionsOf(question)
        .filter((option) => option !== key)
        .map((option) => openingOf(question, option.text)),
    );
    return others.size === 1 && !others.has(openingOf(question, key.text));
  });

  const critical = singleKey.filter((question) => question.safetyCritical);
  const keyMostEscalated = tally(critical, (question) => {
    const key = keyOf(question);
    return optionsOf(question).every((option) => option === key || escalationTier(option.text) < escalationTier(key.text));
  });

  const options = singleKey.flatMap(optionsOf);
  const keys = options.filter((option) => option.correct);
  const distractors = options.filter((option) => !option.correct);
  const shareWith = (list: OptionLike[], pattern: RegExp) => share(list.filter((option) => pattern.test(option.text)).length, list.length);
  const cueWords = Object.entries(CUE_WORDS).map(([words, pattern]) => ({
    words,
    keys: shareWith(keys, pattern),
    distractors: shareWith(distractors, pattern),
  }));

  return { keyLongest, keyDecisionRepeated, keyInSharedOpening, criticalKeyInSharedOpening, keyLoneOpening, keyMostEscalated, cueWords };
}

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
  const figures = cueFigures(questions);
  const { keyLongest } = figures;
  const shareOf = (figure: Tally) => share(figure.count, figure.of);
  if (shareOf(keyLongest) > rules.maxShareKeyLongest) {
    problems.push(
      `the right answer is the longest option in ${keyLongest.count} of ${keyLongest.of} single-answer and case items ` +
        `(${percent(shareOf(keyLongest))}; at most ${percent(rules.maxShareKeyLongest)}): ${keyLongest.ids.join(', ')}`,
    );
  }
  if (keyLongest.of > 0 && shareOf(keyLongest) < rules.minShareKeyLongest) {
    problems.push(
      `the right answer is the longest option in only ${keyLongest.count} of ${keyLongest.of} single-answer and case items ` +
        `(${percent(shareOf(keyLongest))}; at least ${percent(rules.minShareKeyLongest)}): "never pick the longest" would pass`,
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

  // How the options of an item open can give the key away as surely as their form.
  const { keyDecisionRepeated, keyInSharedOpening, criticalKeyInSharedOpening, keyLoneOpening, keyMostEscalated } = figures;
  if (shareOf(keyDecisionRepeated) > rules.maxShareKeyDecisionRepeated) {
    problems.push(
      `in ${keyDecisionRepeated.count} of ${keyDecisionRepeated.of} case items the key's decision is the only decision two or more reasons state ` +
        `(${percent(shareOf(keyDecisionRepeated))}; at most ${percent(rules.maxShareKeyDecisionRepeated)}): ` +
        `"pick the decision two reasons share" would pass; let a wrong decision be the shared one: ${keyDecisionRepeated.ids.join(', ')}`,
    );
  }
  const sharedOpeningBounds = [
    ['', keyInSharedOpening, rules.minShareKeyInSharedOpening, rules.maxShareKeyInSharedOpening],
    ['safety-critical ', criticalKeyInSharedOpening, rules.minShareCriticalKeyInSharedOpening, rules.maxShareCriticalKeyInSharedOpening],
  ] as const;
  for (const [kind, figure, least, most] of sharedOpeningBounds) {
    if (figure.of < rules.minItemsForSharedOpeningRule) continue;
    const inShared = shareOf(figure);
    if (inShared > most || inShared < least)
      problems.push(
        `in ${figure.count} of the ${figure.of} ${kind}single-answer and case items where one opening is shared, the key is among the ` +
          `options that open alike (${percent(inShared)}; between ${percent(least)} and ${percent(most)}): ` +
          (inShared > most
            ? `"pick from the options that open alike" would pass; let two wrong options share the opening more often: ${figure.ids.join(', ')}`
            : `"never pick the options that open alike" would pass; let the key share its opening with a near miss more often`),
      );
  }
  if (shareOf(keyLoneOpening) > rules.maxShareKeyLoneOpening) {
    problems.push(
      `the right answer is the only option that opens differently from all the others in ${keyLoneOpening.count} of ` +
        `${keyLoneOpening.of} items (at most ${percent(rules.maxShareKeyLoneOpening)}): give the key a sibling: ${keyLoneOpening.ids.join(', ')}`,
    );
  }
  for (const { words, keys: inKeys, distractors: inDistractors } of figures.cueWords) {
    if (Math.abs(inKeys - inDistractors) > rules.maxCueWordGap)
      problems.push(
        `${percent(inKeys)} of right options and ${percent(inDistractors)} of wrong ones ${words} ` +
          `(they may differ by ${percent(rules.maxCueWordGap)}): the words, not the decision, would answer the item`,
      );
  }
  if (keyMostEscalated.of >= rules.minItemsForEscalationRule && shareOf(keyMostEscalated) > rules.maxShareKeyMostEscalated) {
    problems.push(
      `in ${keyMostEscalated.count} of ${keyMostEscalated.of} safety-critical single-answer and case items the key is the most escalated option ` +
        `(${percent(shareOf(keyMostEscalated))}; at most ${percent(rules.maxShareKeyMostEscalated)}): add distractors that over-escalate ` +
        `(too much, too fast, the wrong person): ${keyMostEscalated.ids.join(', ')}`,
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
