import { describe, expect, it } from 'vitest';
import type { BankQuestion, QuestionBank } from '../../../functions/core/course/types';
import { InvalidAnswers } from '../../../functions/core/quiz/errors';
import type { ServedQuestion } from '../../../functions/core/quiz/types';
import { scoreAttempt } from '../../../functions/core/quiz/score-attempt';

const option = (id: string) => ({ id, text: `Option ${id}` });
const question = (id: string, correct: string[], extra: Partial<BankQuestion> = {}): BankQuestion => ({
  id,
  type: 'single',
  objective: 'o',
  section: 's',
  safetyCritical: false,
  prompt: `Prompt ${id}`,
  options: ['a', 'b', 'c'].map(option),
  correctOptionIds: correct,
  explanation: `Because ${correct.join(' and ')}.`,
  ...extra,
});

const bank: QuestionBank = {
  moduleId: 'demo',
  title: 'Demo',
  order: 1,
  contentVersion: 'v1',
  policy: {
    passMark: 0.8,
    drawSize: 5,
    maxAttemptsPer24Hours: 3,
    cooldownMinutesAfterFail: 60,
    review: { untilPassed: 'missed', oncePassed: 'full' },
  },
  objectives: [],
  questions: [
    question('s1', ['b']),
    question('s2', ['a']),
    question('m1', ['a', 'c'], { type: 'multiple' }),
    question('sc', ['a'], { safetyCritical: true }),
    question('tf', ['false'], { type: 'true-false', options: [option('true'), option('false')] }),
    question('case', ['defer', 'r2'], {
      type: 'case',
      safetyCritical: true,
      options: [
        { id: 'proceed', text: 'Proceed', group: 'decision' },
        { id: 'defer', text: 'Defer', group: 'decision' },
        { id: 'r1', text: 'Reason 1', group: 'reason' },
        { id: 'r2', text: 'Reason 2', group: 'reason' },
      ],
    }),
    question('unserved', ['a']),
  ],
};
const served: ServedQuestion[] = ['s1', 's2', 'm1', 'sc', 'tf', 'case'].map((questionId) => ({ questionId, optionOrder: [] }));
const allRight = () => [
  { questionId: 's1', selected: ['b'] },
  { questionId: 's2', selected: ['a'] },
  { questionId: 'm1', selected: ['c', 'a'] },
  { questionId: 'sc', selected: ['a'] },
  { questionId: 'tf', selected: ['false'] },
  { questionId: 'case', selected: ['r2', 'defer'] },
];
const withAnswer = (questionId: string, selected: string[]) =>
  allRight().map((answer) => (answer.questionId === questionId ? { questionId, selected } : answer));

describe('scoreAttempt', () => {
  it('passes a fully correct attempt', () => {
    expect(scoreAttempt(bank, served, 0.8, allRight())).toMatchObject({
      correctCount: 6,
      questionCount: 6,
      score: 1,
      passed: true,
      failedRules: [],
    });
  });

  it('scores only the questions the attempt served', () => {
    expect(scoreAttempt(bank, served, 0.8, allRight()).answers.map((answer) => answer.questionId)).toEqual(
      served.map((entry) => entry.questionId),
    );
  });

  it('fails on one wrong safety-critical answer even when the score is above the pass mark', () => {
    const result = scoreAttempt(bank, served, 0.8, withAnswer('sc', ['b']));
    expect(result.score).toBeCloseTo(5 / 6);
    expect(result).toMatchObject({ passed: false, failedRules: ['safety-critical'] });
  });

  it('fails below the pass mark and says which rules failed', () => {
    const result = scoreAttempt(
      bank,
      served,
      0.8,
      withAnswer('s1', ['a']).map((answer) => (answer.questionId === 'case' ? { ...answer, selected: ['proceed', 'r2'] } : answer)),
    );
    expect(result).toMatchObject({ correctCount: 4, passed: false, failedRules: ['pass-mark', 'safety-critical'] });
  });

  it('needs both the decision and the reason right in a case item', () => {
    const result = scoreAttempt(bank, served, 0.8, withAnswer('case', ['defer', 'r1']));
    expect(result.answers.find((answer) => answer.questionId === 'case')?.correct).toBe(false);
  });

  it('counts a multiple-answer question correct only with exactly the correct options', () => {
    for (const selected of [['a'], ['a', 'b', 'c']]) {
      expect(
        scoreAttempt(bank, served, 0.8, withAnswer('m1', selected)).answers.find((answer) => answer.questionId === 'm1')?.correct,
      ).toBe(false);
    }
  });

  it('counts unanswered questions as incorrect', () => {
    const result = scoreAttempt(bank, served, 0.8, allRight().slice(0, 3));
    expect(result.correctCount).toBe(3);
    expect(result.failedRules).toContain('safety-critical');
  });

  it.each([
    ['a question this attempt did not serve', [{ questionId: 'unserved', selected: ['a'] }], '/answers/0/questionId'],
    ['a question that does not exist', [{ questionId: 'nope', selected: ['a'] }], '/answers/0/questionId'],
    ['an option the question does not have', [{ questionId: 's1', selected: ['z'] }], '/answers/0/selected/0'],
    ['two options for a single-answer question', [{ questionId: 's1', selected: ['a', 'b'] }], '/answers/0/selected'],
    ['two decisions in a case item', [{ questionId: 'case', selected: ['proceed', 'defer'] }], '/answers/0/selected'],
    [
      'the same question twice',
      [
        { questionId: 's1', selected: ['a'] },
        { questionId: 's1', selected: ['b'] },
      ],
      '/answers/1/questionId',
    ],
  ])('rejects %s, naming where', (_case, answers, pointer) => {
    let thrown: unknown;
    try {
      scoreAttempt(bank, served, 0.8, answers);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidAnswers);
    expect((thrown as InvalidAnswers).errors?.map((error) => error.pointer)).toContain(pointer);
  });
});
