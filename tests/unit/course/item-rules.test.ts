import { describe, expect, it } from 'vitest';
import { itemRuleViolations } from '../../../functions/scripts/course/item-rules';
import type { AuthoredQuestion } from '../../../functions/scripts/course/schema';

/**
 * A made-up bank of 25 items that keeps every rule: distinct stems on three objectives, five case
 * items (every decision used), balanced true/false keys, varied multiple-answer keys, keys
 * seldom the longest option, three safety-critical items. Each test breaks one rule.
 */
const TOPICS = [
  'collagen',
  'fibroblasts',
  'platelets',
  'keratinocytes',
  'elastin',
  'macrophages',
  'capillaries',
  'melanocytes',
  'sebum',
  'dermis',
  'epidermis',
  'hyaluronan',
  'oedema',
  'erythema',
  'barrier',
  'channels',
  'remodelling',
  'scarring',
  'pigment',
  'pores',
  'texture',
  'laxity',
  'tone',
  'bruising',
  'healing',
];
const options = (key: number, texts: string[]) => texts.map((text, index) => ({ id: 'abcdefgh'[index], text, correct: index === key }));
const base = (index: number) => ({
  id: `item-${index}`,
  objective: `o${index % 3}`,
  section: 'some-section',
  safetyCritical: index < 3,
  prompt: `Which statement about ${TOPICS[index]} in week ${index} is accurate for this patient?`,
  explanation: 'Because the lesson explains exactly this point.',
});

function goodBank(): AuthoredQuestion[] {
  const items: AuthoredQuestion[] = [];
  for (let index = 0; index < 25; index += 1) {
    if (index < 4) {
      items.push({ ...base(index), type: 'true-false', answer: index % 2 === 0 });
    } else if (index < 9) {
      const decisions = ['proceed', 'precautions', 'defer', 'do-not-treat', 'defer'] as const;
      items.push({
        ...base(index),
        type: 'case',
        vignette: `A patient of ${30 + index} asks about ${TOPICS[index]} treatment and mentions something relevant at screening.`,
        decision: decisions[index - 4],
        reasons: options(index % 3, [
          `Reason A about ${TOPICS[index]}`,
          `Reason B about ${TOPICS[index]}`,
          `Reason C about ${TOPICS[index]}`,
        ]),
      });
    } else if (index < 13) {
      const correct = index % 2 === 0 ? 1 : 2;
      items.push({
        ...base(index),
        type: 'multiple',
        options: options(0, [
          `First ${TOPICS[index]} point`,
          `Second ${TOPICS[index]} point`,
          `Third ${TOPICS[index]} point`,
          `Fourth ${TOPICS[index]} point`,
        ]).map((option, at) => ({ ...option, correct: at < correct })),
      });
    } else {
      // The key is the longest in every third single item.
      const key = index % 3 === 0 ? 2 : index % 3;
      const texts = [
        `Option A on ${TOPICS[index]}`,
        `Option B on ${TOPICS[index]}`,
        `Option C on ${TOPICS[index]}`,
        `Option D on ${TOPICS[index]}`,
      ];
      if (index % 3 === 0) texts[key] = `${texts[key]}, at length`;
      items.push({ ...base(index), type: 'single', options: options(key, texts) });
    }
  }
  return items;
}

const check = (questions: AuthoredQuestion[], drawSize = 10) => itemRuleViolations(questions, drawSize, ['o0', 'o1', 'o2']);
const edit = (mutate: (items: AuthoredQuestion[]) => void) => {
  const items = structuredClone(goodBank());
  mutate(items);
  return check(items);
};
const single = (items: AuthoredQuestion[]) =>
  items.filter((item): item is Extract<AuthoredQuestion, { type: 'single' }> => item.type === 'single');
const cases = (items: AuthoredQuestion[]) =>
  items.filter((item): item is Extract<AuthoredQuestion, { type: 'case' }> => item.type === 'case');
const keyOf = <T extends { correct: boolean; text: string }>(options: T[]) => options.find((option) => option.correct)!;
const wrongOf = <T extends { correct: boolean; text: string }>(options: T[]) => options.filter((option) => !option.correct);

describe('the item rules of the course build', () => {
  it('pass a bank that keeps them', () => {
    expect(check(goodBank())).toEqual([]);
  });

  it("accept case items that vary which decision two reasons share: a wrong one, the key's, or none", () => {
    const problems = edit((items) => {
      cases(items).forEach((item, at) => {
        const [first, second, third] = (['proceed', 'precautions', 'defer', 'do-not-treat'] as const).filter(
          (decision) => decision !== item.decision,
        );
        // The key's decision shared once, a wrong one twice, none twice.
        const patterns = [
          [item.decision, item.decision, first, second],
          [item.decision, first, first, second],
          [item.decision, second, second, third],
          [item.decision, first, second, third],
          [item.decision, third, first, second],
        ];
        item.reasons = patterns[at].map((decision, index) => ({
          id: 'abcd'[index],
          text: `Finding ${index}: ${decision.replaceAll('-', ' ')}; for reason ${index} about ${item.id}${index === 3 ? ', at some length' : ''}`,
          correct: index === 0,
        }));
      });
    });
    expect(problems).toEqual([]);
  });

  it.each([
    ['a bank under 2.5 times the draw', () => check(goodBank(), 11), 'needs at least 28'],
    [
      'an objective tested by fewer than 3 items',
      () => itemRuleViolations(goodBank(), 10, ['o0', 'o1', 'o2', 'o3']),
      'objective o3 is tested by 0 item(s)',
    ],
    [
      'fewer than 5 items set in a case',
      () =>
        edit((items) =>
          items.splice(4, 1, {
            ...base(4),
            type: 'single',
            prompt: 'A stem with no vignette at all here',
            options: options(1, ['One choice here', 'Two choice here', 'Three choice here']),
          }),
        ),
      'a module needs at least 5',
    ],
    [
      'six case items that never key one decision',
      () =>
        edit((items) => {
          items.push({
            ...structuredClone(items[4]),
            id: 'extra-case',
            vignette: 'A completely different patient history with new words entirely unrelated to others.',
          } as AuthoredQuestion);
          for (const item of items) if (item.type === 'case' && item.decision === 'proceed') item.decision = 'defer';
        }),
      'no case is keyed proceed',
    ],
    [
      'keys that are the longest option too often',
      () =>
        edit((items) => {
          for (const item of single(items)) item.options.find((option) => option.correct)!.text += ', explained at great length';
        }),
      'the right answer is the longest option',
    ],
    [
      'unbalanced true/false keys',
      () =>
        edit((items) => {
          for (const item of items) if (item.type === 'true-false') item.answer = true;
        }),
      'true/false keys are unbalanced',
    ],
    [
      'false statements that alone use absolute words',
      () =>
        edit((items) => {
          for (const item of items) if (item.type === 'true-false' && !item.answer) item.prompt = `${item.prompt} It never happens.`;
        }),
      '"absolute means false" would pass',
    ],
    [
      '"all of the above"',
      () =>
        edit((items) => {
          single(items)[0].options[3].text = 'All of the above';
        }),
      'no "all/none of the above"',
    ],
    [
      'a multiple-answer item with every option correct',
      () =>
        edit((items) => {
          for (const option of (items[9] as Extract<AuthoredQuestion, { type: 'multiple' }>).options) option.correct = true;
        }),
      'marks every option correct',
    ],
    [
      'multiple-answer items that all have the same number of keys',
      () =>
        edit((items) => {
          for (const item of items) if (item.type === 'multiple') item.options.forEach((option, at) => (option.correct = at < 2));
        }),
      'vary the number',
    ],
    [
      'no safety-critical item',
      () => edit((items) => items.forEach((item) => (item.safetyCritical = false))),
      'no item is safety-critical',
    ],
    [
      'more than half safety-critical',
      () => edit((items) => items.forEach((item, at) => (item.safetyCritical = at < 13))),
      '13 of 25 items are safety-critical',
    ],
    [
      'two items with nearly the same stem',
      () =>
        edit((items) => {
          items[20].prompt = items[21].prompt;
        }),
      'have nearly the same stem',
    ],
    [
      'absolute words only in wrong options',
      () =>
        edit((items) => {
          for (const item of single(items))
            item.options.filter((option) => !option.correct).forEach((option) => (option.text += ', always'));
        }),
      '"avoid the absolute option" would pass',
    ],
    [
      'keys written "action; reason" among plain wrong options',
      () =>
        edit((items) => {
          for (const item of single(items).slice(0, 5))
            item.options.find((option) => option.correct)!.text += '; because the lesson says so';
        }),
      'the only option written differently',
    ],
    [
      'a case whose right reason alone lacks the "Finding:" label',
      () =>
        edit((items) => {
          for (const item of items) {
            if (item.type === 'case')
              item.reasons.forEach((reason) => (reason.text = reason.correct ? reason.text : `Finding: ${reason.text}`));
          }
        }),
      'the only option written differently',
    ],
    [
      'right options punctuated far more often than wrong ones',
      () =>
        edit((items) => {
          for (const item of items) {
            if (item.type === 'multiple')
              item.options.filter((option) => option.correct).forEach((option) => (option.text += '; with a reason'));
          }
          for (const item of single(items).slice(0, 2)) item.options.find((option) => option.correct)!.text += '; as taught';
        }),
      'write every option of an item in the same form',
    ],
    [
      'true/false statements of policy that are all keyed true',
      () =>
        edit((items) => {
          for (const item of items)
            if (item.type === 'true-false' && item.answer) item.prompt = `${item.prompt} This is this course's policy.`;
          (items[0] as Extract<AuthoredQuestion, { type: 'true-false' }>).prompt += ' Policy says so too.';
          const extra = {
            ...structuredClone(items[0]),
            id: 'extra-policy',
            prompt: 'Under this course policy, a third statement about remodelling in month two.',
          };
          items.push(extra as AuthoredQuestion);
        }),
      'every true/false statement about "policy" is keyed true',
    ],
    [
      'a stock distractor in three items',
      () =>
        edit((items) => {
          for (const item of single(items).slice(0, 3)) item.options.find((option) => !option.correct)!.text = 'It can never be treated.';
        }),
      'appears in 3 items',
    ],
    [
      'case items whose key is the only decision two reasons share',
      () =>
        edit((items) => {
          for (const item of cases(items)) {
            const other = item.decision === 'do-not-treat' ? 'precautions' : 'do-not-treat';
            item.reasons.forEach((reason, at) => {
              const decision = reason.correct || at === (item.reasons.indexOf(keyOf(item.reasons)) + 1) % 3 ? item.decision : other;
              reason.text = `Finding ${at}: ${decision.replaceAll('-', ' ')}; for reason ${at} about ${item.id}`;
            });
          }
        }),
      "the key's decision is the only decision two or more reasons state",
    ],
    [
      'keys that are never the longest option',
      () =>
        edit((items) => {
          for (const item of single(items)) keyOf(item.options).text = keyOf(item.options).text.replace(', at length', '');
        }),
      '"never pick the longest" would pass',
    ],
    [
      'keys among the options that open alike, item after item',
      () =>
        edit((items) => {
          for (const item of single(items).slice(0, 6)) {
            keyOf(item.options).text = `Offer her ${keyOf(item.options).text}`;
            wrongOf(item.options)[0].text = `Offer her ${wrongOf(item.options)[0].text}`;
          }
        }),
      'among the options that open alike',
    ],
    [
      'keys never among the options that open alike, item after item',
      () =>
        edit((items) => {
          for (const item of single(items).slice(0, 6))
            for (const option of wrongOf(item.options).slice(0, 2)) option.text = `Offer her ${option.text}`;
        }),
      '"never pick the options that open alike" would pass',
    ],
    [
      'safety-critical keys always among the options that open alike, though the bank is balanced',
      () =>
        edit((items) => {
          single(items).forEach((item, at) => {
            if (at < 4) {
              item.safetyCritical = true;
              keyOf(item.options).text = `Offer her ${keyOf(item.options).text}`;
              wrongOf(item.options)[0].text = `Offer her ${wrongOf(item.options)[0].text}`;
            } else for (const option of wrongOf(item.options).slice(0, 2)) option.text = `Offer her ${option.text}`;
          });
        }),
      'safety-critical single-answer and case items where one opening is shared',
    ],
    [
      'a key that alone opens differently from every distractor',
      () =>
        edit((items) => {
          for (const item of single(items).slice(0, 4))
            for (const option of wrongOf(item.options)) option.text = `Book a course for ${option.text}`;
        }),
      'the only option that opens differently',
    ],
    [
      'keys that defer to a person or a condition far more often than distractors',
      () =>
        edit((items) => {
          for (const item of [...single(items), ...cases(items)]) {
            const key = keyOf(item.type === 'case' ? item.reasons : item.options);
            key.text += ', until the medical lead advises';
          }
        }),
      'defer to a person or a condition',
    ],
    [
      'fixed delays far more often in distractors than in keys',
      () =>
        edit((items) => {
          for (const item of single(items)) for (const option of wrongOf(item.options)) option.text += ', in two weeks';
        }),
      'a fixed delay',
    ],
    [
      'urgency far more often in keys than in distractors',
      () =>
        edit((items) => {
          for (const item of single(items)) keyOf(item.options).text += ', urgently';
        }),
      'urgency',
    ],
    [
      'safety-critical items whose key is always the most escalated option',
      () =>
        edit((items) => {
          for (const item of single(items).slice(0, 4)) {
            item.safetyCritical = true;
            keyOf(item.options).text = `Call emergency services about ${keyOf(item.options).text}`;
          }
        }),
      'the most escalated option',
    ],
  ] as const)('refuse %s, saying why', (_case, run, reason) => {
    expect(run().join('\n')).toContain(reason);
  });
});
