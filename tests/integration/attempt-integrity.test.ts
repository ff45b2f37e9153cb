import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { AttemptResult, IssuedAttempt, Problem, SubmissionResult } from '../../functions/core/api/schemas';
import { QuestionBanks } from '../../functions/core/course/question-banks';
import { createDocumentClient } from '../../functions/core/store/document-client';
import { attemptItem } from '../../functions/core/store/attempt-item';
import { DynamoAttemptStore } from '../../functions/core/store/dynamo-attempt-store';
import { keys } from '../../functions/core/store/keys';
import { createQuizApp } from '../../functions/quiz/app';
import { quizDepsFromEnv } from '../../functions/quiz/deps-from-env';
import { bundledBanks, questionById, submissionFor } from '../support/banks';
import { ANSWER_KEY_FIELDS, jsonKeys } from '../support/json-keys';
import { meteredClient } from '../support/metered-client';
import { newTrainee } from '../support/new-trainee';

/**
 * What a pass is worth: the attempt policy holds however many requests race, and a failed
 * attempt does not hand out the answer key (the review policy), so throwaway attempts collect
 * nothing a trainee could pass on.
 */
const stack = inject('stack');
const deps = quizDepsFromEnv(stack.functionEnv);
const client = createDocumentClient({ tableName: stack.tableName, endpoint: stack.dynamoEndpoint });
let clock = new Date('2026-11-20T10:00:00Z');
const app = createQuizApp({ ...deps, now: () => clock });
type Trainee = Awaited<ReturnType<typeof newTrainee>>;

const start = (trainee: Trainee, moduleId: string) =>
  app.request(`/api/modules/${moduleId}/attempts`, { method: 'POST', headers: { authorization: trainee.authorization } });
const submit = (trainee: Trainee, attempt: IssuedAttempt, wrong: string[] = []) =>
  app.request(`/api/attempts/${attempt.attemptId}/submission`, {
    method: 'POST',
    headers: { authorization: trainee.authorization, 'content-type': 'application/json' },
    body: JSON.stringify(submissionFor(attempt, wrong)),
  });
const review = (authorization: string, attemptId: string) => app.request(`/api/attempts/${attemptId}`, { headers: { authorization } });
const issued = async (trainee: Trainee, moduleId: string) => (await (await start(trainee, moduleId)).json()) as IssuedAttempt;

/** Every attempt stored in the trainee's partition for a module, read straight from the table. */
async function storedAttempts(trainee: Trainee, moduleId: string) {
  const { pk, skPrefix } = keys.attemptsOf(trainee.sub);
  const { Items = [] } = await client.send(
    new QueryCommand({
      TableName: stack.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      ConsistentRead: true,
    }),
  );
  return Items.filter((item) => item.moduleId === moduleId);
}

/** Fires `count` start requests at once and sorts out what came back. */
async function race(trainee: Trainee, moduleId: string, count = 30) {
  const responses = await Promise.all(Array.from({ length: count }, () => start(trainee, moduleId)));
  const bodies = await Promise.all(
    responses.map(async (response) => ({
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: (await response.json()) as IssuedAttempt & Problem,
    })),
  );
  return {
    created: bodies.filter((entry) => entry.status === 201),
    resumed: bodies.filter((entry) => entry.status === 200),
    refused: bodies.filter((entry) => entry.status === 429),
    other: bodies.filter((entry) => ![200, 201, 429].includes(entry.status)),
  };
}

const missedOne = (attempt: IssuedAttempt, count = 2) => attempt.questions.slice(0, count).map((question) => question.id);
const minutesLater = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));

describe('the attempt policy holds under concurrency', () => {
  it('30 concurrent starts make exactly one attempt; the others get it back (or a 429 with Retry-After)', async () => {
    const trainee = await newTrainee(stack, 'Racing Trainee');
    const { created, resumed, refused, other } = await race(trainee, 'technique');
    expect(other).toEqual([]);
    expect(created).toHaveLength(1);
    const [winner] = created;
    for (const entry of resumed) expect(entry.body).toMatchObject({ attemptId: winner.body.attemptId, resumed: true });
    for (const entry of refused) expect(Number(entry.retryAfter)).toBeGreaterThan(0);
    expect(await storedAttempts(trainee, 'technique')).toHaveLength(1);
  });

  it('across the daily limit: the third attempt is made once, a fourth never, however many race for it', async () => {
    const trainee = await newTrainee(stack, 'Daily Limit Trainee');
    for (let index = 0; index < 2; index += 1) expect((await submit(trainee, await issued(trainee, 'indications'))).status).toBe(201);
    const third = await race(trainee, 'indications');
    expect(third.created).toHaveLength(1);
    expect(third.other).toEqual([]);
    expect((await submit(trainee, third.created[0].body)).status).toBe(201);

    const fourth = await race(trainee, 'indications');
    expect(fourth.created.length + fourth.resumed.length).toBe(0);
    for (const entry of fourth.refused) {
      expect(entry.body.type).toBe('/problems/attempt-limit');
      expect(Number(entry.retryAfter)).toBeGreaterThan(0);
    }
    expect(await storedAttempts(trainee, 'indications')).toHaveLength(3);
  });

  it('within the cooldown nobody starts, however many race; once it ends, exactly one does', async () => {
    const trainee = await newTrainee(stack, 'Cooldown Trainee');
    const attempt = await issued(trainee, 'complications');
    const failed = (await (await submit(trainee, attempt, missedOne(attempt, 3))).json()) as SubmissionResult;
    expect(failed.passed).toBe(false);

    const during = await race(trainee, 'complications');
    expect(during.refused).toHaveLength(30);
    expect(new Set(during.refused.map((entry) => entry.body.type))).toEqual(new Set(['/problems/attempt-cooldown']));
    expect(await storedAttempts(trainee, 'complications')).toHaveLength(1);

    clock = new Date(Date.parse(failed.nextAttemptAt!) + 1000);
    const after = await race(trainee, 'complications');
    expect(after.created).toHaveLength(1);
    expect(await storedAttempts(trainee, 'complications')).toHaveLength(2);
  });

  it('decides on two reads however long the history: the ledger and the newest attempt', async () => {
    const metered = meteredClient(stack.dynamoEndpoint, stack.tableName);
    const meteredApp = createQuizApp({ ...deps, now: () => clock, attempts: new DynamoAttemptStore(metered.client, stack.tableName) });
    const startMetered = (trainee: Trainee) =>
      meteredApp.request('/api/modules/mechanism-of-action/attempts', {
        method: 'POST',
        headers: { authorization: trainee.authorization },
      });

    const newcomer = await newTrainee(stack, 'Short History');
    await submit(newcomer, await issued(newcomer, 'mechanism-of-action'));
    const veteran = await newTrainee(stack, 'Long History');
    // Sixty old attempts, written as the store writes them, before their newest one.
    const bank = bundledBanks.get('mechanism-of-action')!;
    for (let index = 0; index < 60; index += 1) {
      const issuedAt = new Date(clock.getTime() - (90 - index) * 86_400_000).toISOString();
      const served = bank.questions.slice(0, bank.policy.drawSize).map((question) => ({ questionId: question.id, optionOrder: [] }));
      const record = {
        attemptId: randomUUID(),
        userSub: veteran.sub,
        moduleId: bank.moduleId,
        contentVersion: bank.contentVersion,
        passMark: 0.8,
        issuedAt,
        expiresAt: issuedAt,
        served,
      };
      await client.send(new PutCommand({ TableName: stack.tableName, Item: attemptItem(record) }));
    }
    await submit(veteran, await issued(veteran, 'mechanism-of-action'));

    metered.take();
    expect((await startMetered(newcomer)).status).toBe(201);
    const short = metered.take();
    expect((await startMetered(veteran)).status).toBe(201);
    const long = metered.take();
    expect(long.calls).toEqual(['GetItem', 'GetItem', 'TransactWriteItems']);
    expect(long).toEqual(short);
  });
});

describe('a failed attempt does not hand out the answer key', () => {
  let trainee: Trainee;
  let first: IssuedAttempt;
  let failed: SubmissionResult;
  beforeAll(async () => {
    clock = new Date('2026-11-25T08:00:00Z');
    trainee = await newTrainee(stack, 'Review Policy Trainee');
    first = await issued(trainee, 'contraindications');
    failed = (await (await submit(trainee, first, missedOne(first, 3))).json()) as SubmissionResult;
  });

  it('says which questions were missed, their objective and section, and why the attempt failed; no right answers or explanations', () => {
    expect(failed).toMatchObject({ passed: false, review: 'missed', failedRules: expect.arrayContaining(['pass-mark']) });
    const missed = failed.feedback.filter((verdict) => !verdict.correct);
    expect(missed.map((verdict) => verdict.questionId)).toEqual(missedOne(first, 3));
    const bank = bundledBanks.get('contraindications')!;
    for (const verdict of missed) {
      const question = questionById(verdict.questionId);
      expect(verdict).toEqual({
        questionId: question.id,
        correct: false,
        objective: bank.objectives.find((objective) => objective.id === question.objective)!.text,
        section: question.section,
      });
    }
    const text = JSON.stringify(failed);
    expect([...jsonKeys(failed)].filter((key) => ['correctOptionIds', 'explanation'].includes(key))).toEqual([]);
    for (const verdict of missed) expect(text).not.toContain(questionById(verdict.questionId).explanation);
  });

  it('its review shows the questions and verdicts, not the options chosen, the key or the explanations', async () => {
    const result = (await (await review(trainee.authorization, first.attemptId)).json()) as AttemptResult;
    expect(result.review).toBe('missed');
    expect(result.feedback).toHaveLength(first.questions.length);
    expect([...jsonKeys(result)].filter((key) => ['correctOptionIds', 'explanation', 'options', 'selected'].includes(key))).toEqual([]);
    expect(result.feedback.filter((item) => !item.correct).every((item) => item.section && item.objective)).toBe(true);
  });

  it('the supervisor sees the full review at any time', async () => {
    const result = (await (await review(`Bearer ${stack.tokens.supervisorA}`, first.attemptId)).json()) as AttemptResult;
    expect(result.review).toBe('full');
    for (const item of result.feedback)
      expect(item).toMatchObject({
        correctOptionIds: questionById(item.questionId).correctOptionIds,
        explanation: questionById(item.questionId).explanation,
      });
  });

  it('the retake avoids every question of the failed attempt, and says none repeat', async () => {
    clock = new Date(Date.parse(failed.nextAttemptAt!) + 1000);
    const retake = await issued(trainee, 'contraindications');
    expect(retake.repeatedFromLastAttempt).toBe(0);
    expect(retake.questions.filter((question) => first.questions.some((earlier) => earlier.id === question.id))).toEqual([]);
    expect((await submit(trainee, retake)).status).toBe(201);
  });

  it('once the module is passed, every attempt of it is reviewed in full, the failed one included', async () => {
    const result = (await (await review(trainee.authorization, first.attemptId)).json()) as AttemptResult;
    expect(result.review).toBe('full');
    expect(result.feedback.every((item) => item.correctOptionIds && item.explanation && item.options && item.selected)).toBe(true);
  });

  it('a retake drawn after the pass hands out no key, failed or passed, then or later: the key cannot be collected by retaking', async () => {
    const keyFields = (value: unknown) => [...jsonKeys(value)].filter((key) => ['correctOptionIds', 'explanation'].includes(key));
    minutesLater(10);
    const failedRetake = await issued(trainee, 'contraindications');
    const failedResult = (await (await submit(trainee, failedRetake, missedOne(failedRetake, 3))).json()) as SubmissionResult;
    expect(failedResult).toMatchObject({ passed: false, review: 'missed', retakeAfterPass: true });
    expect(failedResult.feedback.filter((verdict) => !verdict.correct).every((verdict) => verdict.section && verdict.objective)).toBe(true);
    minutesLater(24 * 60); // past the cooldown and the daily limit
    const passedRetake = await issued(trainee, 'contraindications');
    const passedResult = (await (await submit(trainee, passedRetake)).json()) as SubmissionResult;
    expect(passedResult).toMatchObject({ passed: true, review: 'missed', retakeAfterPass: true });
    const reviews = await Promise.all(
      [failedRetake, passedRetake].map(
        async (attempt) => (await (await review(trainee.authorization, attempt.attemptId)).json()) as AttemptResult,
      ),
    );
    expect(reviews.map((result) => [result.review, result.retakeAfterPass])).toEqual([
      ['missed', true],
      ['missed', true],
    ]);
    expect(keyFields([failedResult, passedResult, reviews])).toEqual([]);
    // The attempts up to the first pass stay in full, and the supervisor sees the retakes in full.
    expect(((await (await review(trainee.authorization, first.attemptId)).json()) as AttemptResult).review).toBe('full');
    const supervised = (await (await review(`Bearer ${stack.tokens.supervisorA}`, failedRetake.attemptId)).json()) as AttemptResult;
    expect(supervised.review).toBe('full');
  });

  it('a retake sent back without its after-the-pass mark is refused, not reviewed in full', async () => {
    minutesLater(24 * 60);
    const retake = await issued(trainee, 'contraindications');
    expect(retake.servedToken.endsWith('~retake')).toBe(true);
    const response = await app.request(`/api/attempts/${retake.attemptId}/submission`, {
      method: 'POST',
      headers: { authorization: trainee.authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ ...submissionFor(retake), servedToken: retake.servedToken.slice(0, -'~retake'.length) }),
    });
    expect(response.status).toBe(422);
    expect(((await (await submit(trainee, retake)).json()) as SubmissionResult).review).toBe('missed');
  });

  it('throwaway attempts (blank answers) collect no answer key at all', async () => {
    const blank = await newTrainee(stack, 'Blank Answers Trainee');
    const transcript: unknown[] = [];
    for (let index = 0; index < 3; index += 1) {
      const attempt = await issued(blank, 'mechanism-of-action');
      const response = await app.request(`/api/attempts/${attempt.attemptId}/submission`, {
        method: 'POST',
        headers: { authorization: blank.authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ servedToken: attempt.servedToken, answers: [] }),
      });
      const result = (await response.json()) as SubmissionResult;
      transcript.push(result, await (await review(blank.authorization, attempt.attemptId)).json());
      clock = new Date(Date.parse(result.nextAttemptAt ?? clock.toISOString()) + 1000);
    }
    expect([...jsonKeys(transcript)].filter((key) => ANSWER_KEY_FIELDS.includes(key) && key !== 'correct' && key !== 'section')).toEqual(
      [],
    );
  });
});

describe('attempts drawn from content that has changed since', () => {
  it('are reviewed from the archived bank they were drawn from, question by question; without an archive, by verdict alone', async () => {
    const trainee = await newTrainee(stack, 'Earlier Content Trainee');
    const attempt = await issued(trainee, 'complications');
    expect((await submit(trainee, attempt, missedOne(attempt, 1))).status).toBe(201);
    const drawnFrom = bundledBanks.get('complications')!;
    // The module is republished with new content: a new version, its questions rewritten.
    const republished = {
      ...drawnFrom,
      contentVersion: 'ffffffffffffffff',
      questions: drawnFrom.questions.map((question) => ({ ...question, prompt: `Rewritten: ${question.prompt}` })),
    };
    const supervisor = `Bearer ${stack.tokens.supervisorA}`;
    const reviewWith = async (banks: QuestionBanks) =>
      (await (
        await createQuizApp({ ...deps, banks, now: () => clock }).request(`/api/attempts/${attempt.attemptId}`, {
          headers: { authorization: supervisor },
        })
      ).json()) as AttemptResult;

    const archived = await reviewWith(
      QuestionBanks.of(
        bundledBanks.all().map((bank) => (bank.moduleId === 'complications' ? republished : bank)),
        [drawnFrom],
      ),
    );
    expect(archived.feedback.map((item) => item.prompt)).toEqual(attempt.questions.map((question) => question.prompt));
    expect(archived.feedback.every((item) => item.explanation && item.options?.length)).toBe(true);

    const unarchived = await reviewWith(
      QuestionBanks.of(bundledBanks.all().map((bank) => (bank.moduleId === 'complications' ? republished : bank))),
    );
    expect(unarchived.feedback.map((item) => item.correct)).toEqual(archived.feedback.map((item) => item.correct));
    expect(new Set(unarchived.feedback.map((item) => item.prompt))).toEqual(new Set(['This question is no longer part of the course.']));
  });
});
