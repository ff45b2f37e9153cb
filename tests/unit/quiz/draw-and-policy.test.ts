import { describe, expect, it } from 'vitest';
import { bundledBanks } from '../../../functions/core/course/bundled-banks';
import { checkAttemptPolicy } from '../../../functions/core/quiz/attempt-policy';
import type { AttemptRecord } from '../../../functions/core/quiz/attempt-store';
import { drawQuestions, shuffle } from '../../../functions/core/quiz/draw';

const bank = bundledBanks['contraindications'];

describe('drawQuestions', () => {
  it('draws drawSize distinct questions and records the order of exactly the options it shuffles', () => {
    const served = drawQuestions(bank);
    expect(served).toHaveLength(bank.policy.drawSize);
    expect(new Set(served.map((entry) => entry.questionId)).size).toBe(bank.policy.drawSize);
    for (const entry of served) {
      const question = bank.questions.find((candidate) => candidate.id === entry.questionId)!;
      const shuffled = question.type === 'case' ? question.options.filter((option) => option.group === 'reason') : question.type === 'true-false' ? [] : question.options;
      expect([...entry.optionOrder].sort()).toEqual(shuffled.map((option) => option.id).sort());
    }
  });

  it('draws different sets and orders across attempts', () => {
    const draws = Array.from({ length: 20 }, () => JSON.stringify(drawQuestions(bank)));
    expect(new Set(draws).size).toBeGreaterThan(15);
  });

  it('shows case decisions in their order and True before False', async () => {
    const { issuedView } = await import('../../../functions/core/quiz/attempt-views');
    const served = bank.questions.map((question) => ({ questionId: question.id, optionOrder: drawQuestions({ ...bank, questions: [question], policy: { ...bank.policy, drawSize: 1 } })[0].optionOrder }));
    const view = issuedView({ attemptId: 'a', userSub: 'u', moduleId: bank.moduleId, contentVersion: 'v', passMark: 0.8, issuedAt: '', expiresAt: '', served }, bank, false);
    for (const question of view.questions) {
      if (question.type === 'case') expect(question.options.slice(0, 4).map((option) => option.id)).toEqual(['proceed', 'precautions', 'defer', 'do-not-treat']);
      if (question.type === 'true-false') expect(question.options.map((option) => option.id)).toEqual(['true', 'false']);
      expect(question.options).toHaveLength(bank.questions.find((candidate) => candidate.id === question.id)!.options.length);
    }
  });

  it('shuffle with a fixed source is a permutation', () => {
    expect(shuffle([1, 2, 3, 4], () => 0).sort()).toEqual([1, 2, 3, 4]);
  });
});

describe('checkAttemptPolicy', () => {
  const policy = { passMark: 0.8, drawSize: 10, maxAttemptsPer24Hours: 3, cooldownMinutesAfterFail: 60 };
  const now = new Date('2026-11-24T12:00:00Z');
  const attempt = (issuedMinutesAgo: number, submission?: { passed: boolean; minutesAgo: number }): AttemptRecord => ({
    attemptId: `a${issuedMinutesAgo}`,
    userSub: 'u',
    moduleId: 'm',
    contentVersion: 'v',
    passMark: 0.8,
    issuedAt: new Date(now.getTime() - issuedMinutesAgo * 60_000).toISOString(),
    expiresAt: new Date(now.getTime() - issuedMinutesAgo * 60_000 + 7_200_000).toISOString(),
    served: [],
    ...(submission
      ? {
          submission: {
            submittedAt: new Date(now.getTime() - submission.minutesAgo * 60_000).toISOString(),
            correctCount: 0,
            questionCount: 10,
            score: 0,
            passed: submission.passed,
            failedRules: submission.passed ? [] : ['pass-mark'],
            answers: [],
          },
        }
      : {}),
  });

  it('allows a first attempt', () => {
    expect(checkAttemptPolicy(policy, [], now)).toEqual({ allowed: true, attemptsLeftToday: 3 });
  });

  it('enforces the cooldown after a failed attempt, with the time it ends', () => {
    expect(checkAttemptPolicy(policy, [attempt(20, { passed: false, minutesAgo: 10 })], now)).toEqual({
      allowed: false,
      reason: 'cooldown',
      nextAttemptAt: '2026-11-24T12:50:00.000Z',
      attemptsLeftToday: 2,
    });
  });

  it('allows a new attempt once the cooldown has passed', () => {
    expect(checkAttemptPolicy(policy, [attempt(120, { passed: false, minutesAgo: 61 })], now).allowed).toBe(true);
  });

  it('enforces the daily limit until the oldest attempt in the window is 24 hours old', () => {
    const decision = checkAttemptPolicy(policy, [attempt(600, { passed: false, minutesAgo: 590 }), attempt(300), attempt(100)], now);
    expect(decision).toEqual({ allowed: false, reason: 'daily-limit', nextAttemptAt: '2026-11-25T02:00:00.000Z', attemptsLeftToday: 0 });
  });

  it('does not count attempts older than 24 hours', () => {
    expect(checkAttemptPolicy(policy, [attempt(1500), attempt(1600), attempt(1700)], now)).toEqual({ allowed: true, attemptsLeftToday: 3 });
  });
});
