import { describe, expect, it } from 'vitest';
import { bundledBanks } from '../../../functions/core/course/bundled-banks';
import { decideStart, historyFromAttempts, ledgerAfter } from '../../../functions/core/quiz/attempt-policy';
import type { AttemptRecord } from '../../../functions/core/quiz/types';
import { drawQuestions, shuffle } from '../../../functions/core/quiz/draw';

const bank = bundledBanks.get('contraindications')!;

describe('drawQuestions', () => {
  it('draws drawSize distinct questions and records the order of exactly the options it shuffles', () => {
    const { served } = drawQuestions(bank);
    expect(served).toHaveLength(bank.policy.drawSize);
    expect(new Set(served.map((entry) => entry.questionId)).size).toBe(bank.policy.drawSize);
    for (const entry of served) {
      const question = bank.questions.find((candidate) => candidate.id === entry.questionId)!;
      const shuffled =
        question.type === 'case'
          ? question.options.filter((option) => option.group === 'reason')
          : question.type === 'true-false'
            ? []
            : question.options;
      expect([...entry.optionOrder].sort()).toEqual(shuffled.map((option) => option.id).sort());
    }
  });

  it('draws different sets and orders across attempts', () => {
    const draws = Array.from({ length: 20 }, () => JSON.stringify(drawQuestions(bank).served));
    expect(new Set(draws).size).toBeGreaterThan(15);
  });

  it('avoids every question of the previous attempt while the bank has others, and says how many it repeated', () => {
    for (let round = 0; round < 50; round += 1) {
      const previous = new Set(drawQuestions(bank).served.map((entry) => entry.questionId));
      const next = drawQuestions(bank, { avoid: previous });
      expect(next.served.filter((entry) => previous.has(entry.questionId))).toEqual([]);
      expect(next.repeatedFromLastAttempt).toBe(0);
    }
  });

  it('repeats only as many as the bank forces, and counts them', () => {
    const avoid = new Set(bank.questions.slice(0, bank.questions.length - 2).map((question) => question.id));
    const draw = drawQuestions(bank, { avoid });
    expect(draw.served).toHaveLength(bank.policy.drawSize);
    expect(draw.repeatedFromLastAttempt).toBe(bank.policy.drawSize - 2);
    expect(draw.served.filter((entry) => avoid.has(entry.questionId))).toHaveLength(bank.policy.drawSize - 2);
  });

  it('spreads a draw over the objectives: each one is tested while the draw has room', () => {
    const objectives = new Set(bank.questions.map((question) => question.objective));
    expect(bank.policy.drawSize).toBeGreaterThanOrEqual(objectives.size);
    for (let round = 0; round < 50; round += 1) {
      const drawn = drawQuestions(bank).served.map(
        (entry) => bank.questions.find((question) => question.id === entry.questionId)!.objective,
      );
      expect(new Set(drawn)).toEqual(objectives);
    }
  });

  it('shows case decisions in their order and True before False', async () => {
    const { issuedView } = await import('../../../functions/core/api/views/quiz');
    const served = bank.questions.map((question) => ({
      questionId: question.id,
      optionOrder: drawQuestions({ ...bank, questions: [question], policy: { ...bank.policy, drawSize: 1 } }).served[0].optionOrder,
    }));
    const record = {
      attemptId: 'a',
      userSub: 'u',
      moduleId: bank.moduleId,
      contentVersion: 'v',
      passMark: 0.8,
      issuedAt: '',
      expiresAt: '',
      served,
    };
    const view = issuedView({ record, bank, resumed: false, repeatedFromLastAttempt: 0 });
    for (const question of view.questions) {
      if (question.type === 'case')
        expect(question.options.slice(0, 4).map((option) => option.id)).toEqual(['proceed', 'precautions', 'defer', 'do-not-treat']);
      if (question.type === 'true-false') expect(question.options.map((option) => option.id)).toEqual(['true', 'false']);
      expect(question.options).toHaveLength(bank.questions.find((candidate) => candidate.id === question.id)!.options.length);
    }
  });

  it('shuffle with a fixed source is a permutation', () => {
    expect(shuffle([1, 2, 3, 4], () => 0).sort()).toEqual([1, 2, 3, 4]);
  });
});

describe('decideStart', () => {
  const policy = { ...bank.policy, maxAttemptsPer24Hours: 3, cooldownMinutesAfterFail: 60 };
  const now = new Date('2026-11-24T12:00:00Z');
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
  const attempt = (
    issuedMinutesAgo: number,
    submission?: { passed: boolean; minutesAgo: number },
    contentVersion = 'v',
  ): AttemptRecord => ({
    attemptId: `a${issuedMinutesAgo}`,
    userSub: 'u',
    moduleId: 'm',
    contentVersion,
    passMark: 0.8,
    issuedAt: ago(issuedMinutesAgo),
    expiresAt: new Date(now.getTime() - issuedMinutesAgo * 60_000 + 7_200_000).toISOString(),
    served: [],
    ...(submission
      ? {
          submission: {
            submittedAt: ago(submission.minutesAgo),
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
  const decide = (...attempts: AttemptRecord[]) => decideStart(policy, 'v', historyFromAttempts(attempts, 'm'), now);

  it('allows a first attempt', () => {
    expect(decide()).toEqual({ kind: 'start', attemptsLeftToday: 3 });
  });

  it('hands back an open attempt of the current content, but not one from older content or past its time', () => {
    expect(decide(attempt(30))).toEqual({ kind: 'resume' });
    expect(decide(attempt(30, undefined, 'old'))).toEqual({ kind: 'start', attemptsLeftToday: 2 });
    expect(decide(attempt(121))).toEqual({ kind: 'start', attemptsLeftToday: 2 });
  });

  it('enforces the cooldown after a failed attempt, with the time it ends', () => {
    expect(decide(attempt(20, { passed: false, minutesAgo: 10 }))).toEqual({
      kind: 'refused',
      reason: 'cooldown',
      nextAttemptAt: '2026-11-24T12:50:00.000Z',
      attemptsLeftToday: 2,
    });
  });

  it('allows a new attempt once the cooldown has passed', () => {
    expect(decide(attempt(120, { passed: false, minutesAgo: 61 })).kind).toBe('start');
  });

  it('enforces the daily limit until the oldest attempt in the window is 24 hours old', () => {
    const decision = decide(
      attempt(600, { passed: false, minutesAgo: 590 }),
      attempt(300, { passed: true, minutesAgo: 290 }),
      attempt(200, { passed: true, minutesAgo: 190 }),
    );
    expect(decision).toEqual({ kind: 'refused', reason: 'daily-limit', nextAttemptAt: '2026-11-25T02:00:00.000Z', attemptsLeftToday: 0 });
  });

  it('does not count attempts older than 24 hours', () => {
    expect(decide(attempt(1500), attempt(1600), attempt(1700))).toEqual({ kind: 'start', attemptsLeftToday: 3 });
  });
});

describe('ledgerAfter', () => {
  const now = new Date('2026-11-24T12:00:00Z');
  const started = {
    attemptId: 'new',
    userSub: 'u',
    moduleId: 'm',
    contentVersion: 'v',
    passMark: 0.8,
    issuedAt: now.toISOString(),
    expiresAt: '',
    served: [],
  };

  it('keeps only the issue times of the last 24 hours, so the item never grows with the history', () => {
    const previous = {
      userSub: 'u',
      moduleId: 'm',
      lastAttemptId: 'old',
      issuedInWindow: ['2026-11-22T12:00:00.000Z', '2026-11-23T11:00:00.000Z', '2026-11-24T09:00:00.000Z'],
      revision: 7,
    };
    expect(ledgerAfter(previous, started, undefined, now)).toEqual({
      userSub: 'u',
      moduleId: 'm',
      lastAttemptId: 'new',
      issuedInWindow: ['2026-11-24T09:00:00.000Z', '2026-11-24T12:00:00.000Z'],
      revision: 8,
    });
  });

  it('remembers a pass seen in the attempt it follows, and keeps it', () => {
    const passed = {
      ...started,
      attemptId: 'old',
      submission: {
        submittedAt: '2026-11-24T10:00:00.000Z',
        correctCount: 5,
        questionCount: 5,
        score: 1,
        passed: true,
        failedRules: [],
        answers: [],
      },
    };
    const first = ledgerAfter(undefined, started, passed, now);
    expect(first).toMatchObject({ passedAt: '2026-11-24T10:00:00.000Z', revision: 1 });
    expect(ledgerAfter(first, { ...started, attemptId: 'later' }, undefined, now).passedAt).toBe('2026-11-24T10:00:00.000Z');
  });
});
