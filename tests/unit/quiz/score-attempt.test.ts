import { describe, expect, it } from 'vitest';
import type { QuestionBank } from '../../../functions/core/course/types';
import { InvalidAnswers } from '../../../functions/core/errors';
import { scoreAttempt } from '../../../functions/core/quiz/score-attempt';

const option = (id: string) => ({ id, text: `Option ${id}` });
const bank: QuestionBank = {
  moduleId: 'demo',
  title: 'Demo',
  passMark: 0.8,
  contentVersion: 'v1',
  questions: [
    { id: 's1', type: 'single', section: 'a', prompt: 'Single 1', options: ['a', 'b', 'c'].map(option), correctOptionIds: ['b'], explanation: 'Because b.' },
    { id: 's2', type: 'single', section: 'a', prompt: 'Single 2', options: ['a', 'b'].map(option), correctOptionIds: ['a'], explanation: 'Because a.' },
    { id: 'm1', type: 'multiple', section: 'b', prompt: 'Multi 1', options: ['a', 'b', 'c', 'd'].map(option), correctOptionIds: ['a', 'c'], explanation: 'a and c.' },
    { id: 's3', type: 'single', section: 'b', prompt: 'Single 3', options: ['a', 'b'].map(option), correctOptionIds: ['b'], explanation: 'Because b.' },
    { id: 's4', type: 'single', section: 'b', prompt: 'Single 4', options: ['a', 'b'].map(option), correctOptionIds: ['a'], explanation: 'Because a.' },
  ],
};
const allRight = () => [
  { questionId: 's1', selected: ['b'] },
  { questionId: 's2', selected: ['a'] },
  { questionId: 'm1', selected: ['c', 'a'] },
  { questionId: 's3', selected: ['b'] },
  { questionId: 's4', selected: ['a'] },
];

describe('scoreAttempt', () => {
  it('passes a fully correct attempt and explains every question', () => {
    const score = scoreAttempt(bank, allRight());
    expect(score).toMatchObject({ correctCount: 5, questionCount: 5, score: 1, passed: true, passMark: 0.8 });
    expect(score.feedback.map((item) => item.explanation)).toEqual(bank.questions.map((question) => question.explanation));
  });

  it('passes at exactly the pass mark and fails just below it', () => {
    const oneWrong = allRight().map((answer) => (answer.questionId === 's4' ? { ...answer, selected: ['b'] } : answer));
    expect(scoreAttempt(bank, oneWrong)).toMatchObject({ correctCount: 4, score: 0.8, passed: true });
    const twoWrong = oneWrong.map((answer) => (answer.questionId === 's3' ? { ...answer, selected: ['a'] } : answer));
    expect(scoreAttempt(bank, twoWrong)).toMatchObject({ correctCount: 3, score: 0.6, passed: false });
  });

  it('counts a multiple-answer question correct only when exactly the correct options are selected', () => {
    const partial = allRight().map((answer) => (answer.questionId === 'm1' ? { ...answer, selected: ['a'] } : answer));
    const extra = allRight().map((answer) => (answer.questionId === 'm1' ? { ...answer, selected: ['a', 'b', 'c'] } : answer));
    for (const answers of [partial, extra]) {
      const m1 = scoreAttempt(bank, answers).feedback.find((item) => item.questionId === 'm1');
      expect(m1).toMatchObject({ correct: false, correctOptionIds: ['a', 'c'] });
    }
  });

  it('counts unanswered questions as incorrect', () => {
    const score = scoreAttempt(bank, allRight().slice(0, 2));
    expect(score.correctCount).toBe(2);
    expect(score.feedback.find((item) => item.questionId === 's4')).toMatchObject({ selected: [], correct: false });
  });

  it.each([
    ['a question that is not in the quiz', [{ questionId: 'nope', selected: ['a'] }], '/answers/0/questionId'],
    ['an option the question does not have', [{ questionId: 's1', selected: ['z'] }], '/answers/0/selected/0'],
    ['two options for a single-answer question', [{ questionId: 's1', selected: ['a', 'b'] }], '/answers/0/selected'],
    ['the same option twice', [{ questionId: 'm1', selected: ['a', 'a'] }], '/answers/0/selected'],
    ['the same question twice', [{ questionId: 's1', selected: ['a'] }, { questionId: 's1', selected: ['b'] }], '/answers/1/questionId'],
  ])('rejects %s, naming where', (_case, answers, pointer) => {
    let thrown: unknown;
    try {
      scoreAttempt(bank, answers);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidAnswers);
    expect((thrown as InvalidAnswers).errors.map((error) => error.pointer)).toContain(pointer);
  });
});
