import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { IssuedAttempt, Problem, Progress, SubmissionResult } from '../../functions/core/api/schemas';
import type { AttemptStore } from '../../functions/core/quiz/ports';
import { route } from '../../functions/core/api/routes';
import { RETRY_AFTER_SECONDS } from '../../functions/core/http/problem-details';
import { createDocumentClient } from '../../functions/core/store/document-client';
import { DynamoAttemptStore } from '../../functions/core/store/dynamo-attempt-store';
import { createQuizApp } from '../../functions/quiz/app';

const MAX_BODY_BYTES = route('submitAnswers').maxBodyBytes!;
import { quizDepsFromEnv } from '../../functions/quiz/deps-from-env';
import { answersFor, bundledBanks, questionById, submissionFor } from '../support/banks';
import { writeUnits } from '../support/dynamo-item-size';
import { meteredClient } from '../support/metered-client';
import { ANSWER_KEY_FIELDS, jsonKeys } from '../support/json-keys';
import { newTrainee } from '../support/new-trainee';

const stack = inject('stack');
const deps = quizDepsFromEnv(stack.functionEnv);
let clock = new Date('2026-11-20T10:00:00Z');
const app = createQuizApp({ ...deps, now: () => clock });
const attempts = new DynamoAttemptStore(
  createDocumentClient({ tableName: stack.tableName, endpoint: stack.dynamoEndpoint }),
  stack.tableName,
);
type Trainee = Awaited<ReturnType<typeof newTrainee>>;

const start = async (trainee: Trainee, moduleId: string): Promise<Response> =>
  app.request(`/api/modules/${moduleId}/attempts`, { method: 'POST', headers: { authorization: trainee.authorization } });
const submit = async (
  trainee: Trainee,
  attemptId: string,
  body: unknown,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<Response> =>
  app.request(`/api/attempts/${attemptId}/submission`, {
    method: 'POST',
    headers: { authorization: trainee.authorization, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const issue = async (trainee: Trainee, moduleId: string) => (await (await start(trainee, moduleId)).json()) as IssuedAttempt;

async function expectProblem(response: Response, status: number, type: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const problem = (await response.json()) as Problem;
  expect(problem).toMatchObject({ status, type: `/problems/${type}`, title: expect.any(String), detail: expect.any(String) });
  expect(JSON.stringify(problem)).not.toMatch(/at .*\.(ts|js):\d+/);
  return problem;
}

describe('POST /api/modules/:moduleId/attempts (issue)', () => {
  let trainee: Trainee;
  beforeAll(async () => {
    trainee = await newTrainee(stack);
  });

  it('draws drawSize questions with shuffled options and no answer keys or explanations, and records what it served', async () => {
    const response = await start(trainee, 'complications');
    expect(response.status).toBe(201);
    const text = await response.text();
    const attempt = JSON.parse(text) as IssuedAttempt;
    const bank = bundledBanks.get('complications')!;
    expect(attempt).toMatchObject({ moduleId: 'complications', contentVersion: bank.contentVersion, passMark: 0.8, resumed: false });
    expect(attempt.questions).toHaveLength(bank.policy.drawSize);
    expect([...jsonKeys(attempt)].filter((key) => ANSWER_KEY_FIELDS.includes(key))).toEqual([]);
    for (const question of attempt.questions) expect(text).not.toContain(questionById(question.id).explanation);
    const stored = await attempts.get(attempt.attemptId);
    expect(stored?.served.map((served) => served.questionId)).toEqual(attempt.questions.map((question) => question.id));
    attempt.questions.forEach((question, index) => {
      const order = stored!.served[index].optionOrder;
      expect(question.options.map((option) => option.id).filter((optionId) => order.includes(optionId))).toEqual(order);
    });
  });

  it('hands back the open attempt instead of drawing again', async () => {
    const first = await issue(trainee, 'technique');
    const again = await start(trainee, 'technique');
    expect(again.status).toBe(200);
    expect((await again.json()) as IssuedAttempt).toMatchObject({ attemptId: first.attemptId, resumed: true });
  });

  it('answers an unknown module with 404 and a malformed id with 400', async () => {
    await expectProblem(await start(trainee, 'no-such-module'), 404, 'module-not-found');
    // A module id is looked up in a Map: names on Object.prototype are just unknown modules.
    for (const inherited of ['constructor', 'valueof', 'hasownproperty', 'isprototypeof'])
      await expectProblem(await start(trainee, inherited), 404, 'module-not-found');
    await expectProblem(await start(trainee, 'NOT_A_SLUG'), 400, 'invalid-request');
  });
});

describe('POST /api/attempts/:attemptId/submission', () => {
  let trainee: Trainee;
  beforeAll(async () => {
    trainee = await newTrainee(stack);
  });

  it('scores what was served, returns feedback with explanations, and records it once', async () => {
    const attempt = await issue(trainee, 'mechanism-of-action');
    const wrong = attempt.questions.find((question) => !questionById(question.id).safetyCritical)!.id;
    const response = await submit(trainee, attempt.attemptId, submissionFor(attempt, [wrong]));
    expect(response.status).toBe(201);
    const result = (await response.json()) as SubmissionResult;
    const drawn = attempt.questions.length;
    expect(result).toMatchObject({
      attemptId: attempt.attemptId,
      correctCount: drawn - 1,
      questionCount: drawn,
      score: (drawn - 1) / drawn,
      passed: true,
      failedRules: [],
      review: 'full',
    });
    expect(result.feedback.map((verdict) => verdict.questionId)).toEqual(attempt.questions.map((question) => question.id));
    const item = result.feedback.find((feedback) => feedback.questionId === wrong)!;
    expect(item).toEqual({
      questionId: wrong,
      correct: false,
      objective: bundledBanks.get('mechanism-of-action')!.objectives.find((objective) => objective.id === questionById(wrong).objective)!
        .text,
      correctOptionIds: questionById(wrong).correctOptionIds,
      explanation: questionById(wrong).explanation,
      section: questionById(wrong).section,
    });
    // What was answered right comes back as just that; its explanation waits in the review.
    const right = result.feedback.find((feedback) => feedback.correct)!;
    expect(right).toEqual({ questionId: right.questionId, correct: true });

    const stored = await attempts.get(attempt.attemptId);
    expect(stored?.submission).toMatchObject({ correctCount: drawn - 1, passed: true });

    const again = await submit(trainee, attempt.attemptId, submissionFor(attempt, [wrong]));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(result);
    await expectProblem(await submit(trainee, attempt.attemptId, submissionFor(attempt)), 409, 'attempt-conflict');
    expect((await attempts.get(attempt.attemptId))?.submission?.correctCount).toBe(drawn - 1);
  });

  it('reads nothing to score a submission: the one conditional write does it all', async () => {
    const reads: string[] = [];
    const counting: AttemptStore = {
      startAttempt: (...args) => attempts.startAttempt(...args),
      recordSubmission: (...args) => attempts.recordSubmission(...args),
      ledger: (...args) => (reads.push('ledger'), attempts.ledger(...args)),
      get: (attemptId) => (reads.push('get'), attempts.get(attemptId)),
      getOwn: (...args) => (reads.push('getOwn'), attempts.getOwn(...args)),
      listByUser: (userSub) => (reads.push('listByUser'), attempts.listByUser(userSub)),
    };
    const fresh = await newTrainee(stack);
    const attempt = await issue(fresh, 'indications');
    const response = await createQuizApp({ ...deps, now: () => clock, attempts: counting }).request(
      `/api/attempts/${attempt.attemptId}/submission`,
      {
        method: 'POST',
        headers: { authorization: fresh.authorization, 'content-type': 'application/json' },
        body: JSON.stringify(submissionFor(attempt)),
      },
    );
    expect(response.status).toBe(201);
    expect(reads).toEqual([]);
    expect((await attempts.get(attempt.attemptId))?.submission?.passed).toBe(true);
  });

  it('costs one write unit in all, as DynamoDB counts it: no read, and no index rewritten', async () => {
    const fresh = await newTrainee(stack);
    const attempt = await issue(fresh, 'technique');
    const metered = meteredClient(stack.dynamoEndpoint, stack.tableName);
    const meteredApp = createQuizApp({ ...deps, now: () => clock, attempts: new DynamoAttemptStore(metered.client, stack.tableName) });
    const response = await meteredApp.request(`/api/attempts/${attempt.attemptId}/submission`, {
      method: 'POST',
      headers: { authorization: fresh.authorization, 'content-type': 'application/json' },
      body: JSON.stringify(submissionFor(attempt)),
    });
    expect(response.status).toBe(201);
    expect(metered.take()).toEqual({ readUnits: 0, writeUnits: 1, calls: ['UpdateItem'] });
  });

  it.each(['mechanism-of-action', 'contraindications'])(
    'records a %s attempt in one item within one 1 KB write unit, also once submitted',
    async (moduleId) => {
      const fresh = await newTrainee(stack);
      const attempt = await issue(fresh, moduleId);
      await submit(fresh, attempt.attemptId, submissionFor(attempt));
      await submit(trainee, attempt.attemptId, submissionFor(attempt));
      const { ScanCommand } = await import('@aws-sdk/lib-dynamodb');
      const client = createDocumentClient({ tableName: stack.tableName, endpoint: stack.dynamoEndpoint });
      const { Items = [] } = await client.send(
        new ScanCommand({
          TableName: stack.tableName,
          FilterExpression: 'attemptId = :id',
          ExpressionAttributeValues: { ':id': attempt.attemptId },
        }),
      );
      expect(Items).toHaveLength(1);
      expect(Items[0].submission).toBeDefined();
      expect(writeUnits(Items[0])).toBe(1);
    },
  );

  it('stores exactly one submission when the same answers arrive many times at once', async () => {
    const attempt = await issue(trainee, 'technique');
    const statuses = await Promise.all(
      Array.from({ length: 6 }, async () => (await submit(trainee, attempt.attemptId, submissionFor(attempt))).status),
    );
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
  });

  describe('bad input gets a 4xx problem and records nothing', () => {
    let attempt: IssuedAttempt;
    let bad: Trainee;
    beforeAll(async () => {
      bad = await newTrainee(stack);
      attempt = await issue(bad, 'contraindications');
    });
    const notServed = () =>
      bundledBanks.get('contraindications')!.questions.find((question) => !attempt.questions.some((served) => served.id === question.id))!
        .id;
    const body = (answers: unknown, extra: object = {}) => ({ servedToken: attempt.servedToken, answers, ...extra });
    /** The attempt's own token with the option order of its first shuffled question reversed. */
    const reordered = () => {
      const [moduleId, version, questions] = attempt.servedToken.split('~');
      const served = questions.split(';');
      const index = served.findIndex((entry) => entry.split('|')[1].includes(','));
      const [questionId, order] = served[index].split('|');
      served[index] = `${questionId}|${order.split(',').reverse().join(',')}`;
      return [moduleId, version, served.join(';')].join('~');
    };
    /** The attempt's own token with one question swapped for an id the module does not have. */
    const unknownQuestion = () => attempt.servedToken.replace(/~[^|~;]+\|/, '~no-such-question|');
    const cases: [string, () => Promise<Response>, number, string, string?][] = [
      ['malformed JSON', () => submit(bad, attempt.attemptId, '{"answers": '), 400, 'malformed-request'],
      [
        'a body that is not JSON',
        () => submit(bad, attempt.attemptId, 'answers=1', { 'content-type': 'application/x-www-form-urlencoded' }),
        415,
        'unsupported-media-type',
      ],
      ['wrong types', () => submit(bad, attempt.attemptId, body('all of them')), 400, 'invalid-request', '/answers'],
      ['unexpected fields', () => submit(bad, attempt.attemptId, body([], { score: 1 })), 400, 'invalid-request'],
      ['no served token', () => submit(bad, attempt.attemptId, { answers: [] }), 400, 'invalid-request', '/servedToken'],
      [
        'a served token that is not one',
        () => submit(bad, attempt.attemptId, body([], { servedToken: 'x' })),
        422,
        'invalid-answers',
        '/servedToken',
      ],
      [
        'a served token altered by the client',
        () => submit(bad, attempt.attemptId, body(answersFor(attempt), { servedToken: reordered() })),
        422,
        'invalid-answers',
        '/servedToken',
      ],
      [
        'a served token naming a question the module does not have',
        () => submit(bad, attempt.attemptId, body([], { servedToken: unknownQuestion() })),
        422,
        'invalid-answers',
        '/servedToken',
      ],
      [
        'an answer to a question this attempt did not serve',
        () => submit(bad, attempt.attemptId, body([{ questionId: notServed(), selected: ['a'] }])),
        422,
        'invalid-answers',
        '/answers/0/questionId',
      ],
      [
        'an option the question does not have',
        () => submit(bad, attempt.attemptId, body([{ questionId: attempt.questions[0].id, selected: ['q'] }])),
        422,
        'invalid-answers',
        '/answers/0/selected/0',
      ],
      [
        'a body over the size limit',
        () => submit(bad, attempt.attemptId, body([], { padding: 'x'.repeat(MAX_BODY_BYTES) })),
        413,
        'body-too-large',
      ],
      ['an attempt id that is not a UUID', () => submit(bad, 'attempt-1', body([])), 400, 'invalid-request'],
      ['an attempt that does not exist', () => submit(bad, randomUUID(), body([])), 404, 'not-found'],
    ];

    it.each(cases)('%s', async (_case, send, status, type, pointer) => {
      const problem = await expectProblem(await send(), status, type);
      if (pointer) expect(problem.errors?.map((error) => error.pointer)).toContain(pointer);
      expect((await attempts.get(attempt.attemptId))?.submission).toBeUndefined();
    });
  });

  it('refuses an attempt submitted after its time limit', async () => {
    const late = await newTrainee(stack);
    const attempt = await issue(late, 'indications');
    clock = new Date(clock.getTime() + 3 * 3600_000);
    await expectProblem(await submit(late, attempt.attemptId, submissionFor(attempt)), 409, 'attempt-expired');
    expect((await attempts.get(attempt.attemptId))?.submission).toBeUndefined();
  });

  it('refuses an attempt whose module changed since it was issued', async () => {
    const trainee = await newTrainee(stack);
    const attempt = await issue(trainee, 'complications');
    const banks = bundledBanks.with({ ...bundledBanks.get('complications')!, contentVersion: 'fedcba9876543210' });
    const changed = createQuizApp({ ...deps, banks });
    const response = await changed.request(`/api/attempts/${attempt.attemptId}/submission`, {
      method: 'POST',
      headers: { authorization: trainee.authorization, 'content-type': 'application/json' },
      body: JSON.stringify(submissionFor(attempt)),
    });
    await expectProblem(response, 409, 'attempt-content-changed');
    expect((await attempts.get(attempt.attemptId))?.submission).toBeUndefined();
  });

  it('answers 503 with Retry-After when storage is unreachable', async () => {
    const unreachable = createDocumentClient({ tableName: stack.tableName, endpoint: 'http://127.0.0.1:9' });
    const down = createQuizApp({ ...deps, attempts: new DynamoAttemptStore(unreachable, stack.tableName) });
    const response = await down.request(`/api/attempts/${randomUUID()}/submission`, {
      method: 'POST',
      headers: { authorization: trainee.authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ servedToken: 'mechanism-of-action~0123456789abcdef~moa-controlled-injury|a,b', answers: [] }),
    });
    await expectProblem(response, 503, 'storage-unavailable');
    expect(response.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
  });
});

describe('pass rules and the attempt policy', () => {
  it('fails an attempt with one safety-critical answer wrong, says so, and starts the cooldown', async () => {
    const trainee = await newTrainee(stack);
    const attempt = await issue(trainee, 'contraindications');
    const critical = attempt.questions.find((question) => question.safetyCritical)!.id;
    const result = (await (await submit(trainee, attempt.attemptId, submissionFor(attempt, [critical]))).json()) as SubmissionResult;
    const drawn = attempt.questions.length;
    expect(result).toMatchObject({ score: (drawn - 1) / drawn, passed: false, failedRules: ['safety-critical'] });
    expect(Date.parse(result.nextAttemptAt!) - Date.parse(result.submittedAt)).toBe(60 * 60_000);

    const blocked = await start(trainee, 'contraindications');
    const problem = await expectProblem(blocked, 429, 'attempt-cooldown');
    expect(problem.nextAttemptAt).toBe(result.nextAttemptAt);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);

    const progress = (await (
      await app.request('/api/me/progress', { headers: { authorization: trainee.authorization } })
    ).json()) as Progress;
    expect(progress.modules.find((module) => module.moduleId === 'contraindications')).toMatchObject({
      status: 'failed',
      nextAttemptAt: result.nextAttemptAt,
      attemptsLeftToday: 2,
    });

    clock = new Date(Date.parse(result.nextAttemptAt!) + 1000);
    expect((await start(trainee, 'contraindications')).status).toBe(201);
  });

  it('allows at most three attempts a day at a module', async () => {
    const trainee = await newTrainee(stack);
    for (let index = 0; index < 3; index += 1) {
      const attempt = await issue(trainee, 'technique');
      expect((await submit(trainee, attempt.attemptId, submissionFor(attempt))).status).toBe(201);
    }
    await expectProblem(await start(trainee, 'technique'), 429, 'attempt-limit');
  });

  it('reports progress per module: not started, passed (with content version) and the best score', async () => {
    const trainee = await newTrainee(stack);
    const attempt = await issue(trainee, 'mechanism-of-action');
    await submit(trainee, attempt.attemptId, submissionFor(attempt));
    const progress = (await (
      await app.request('/api/me/progress', { headers: { authorization: trainee.authorization } })
    ).json()) as Progress;
    expect(progress.modules.map((module) => module.moduleId)).toEqual([
      'mechanism-of-action',
      'indications',
      'technique',
      'complications',
      'contraindications',
    ]);
    expect(progress.modules[0]).toMatchObject({
      status: 'passed',
      bestScore: 1,
      passedContentVersion: bundledBanks.get('mechanism-of-action')!.contentVersion,
    });
    expect(progress.modules[1]).toMatchObject({ status: 'not-started', attemptsLeftToday: 3 });
  });
});
