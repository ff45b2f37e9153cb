import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { createDocumentClient } from '../../functions/core/store/document-client';
import { DynamoAttemptStore, encodeAnswer } from '../../functions/core/store/dynamo-attempt-store';
import { writeUnits } from '../support/dynamo-item-size';
import { RETRY_AFTER_SECONDS } from '../../functions/core/http/problem-details';
import { createQuizApp, MAX_BODY_BYTES } from '../../functions/quiz/app';
import { quizDepsFromEnv } from '../../functions/quiz/deps-from-env';
import type { AttemptResult, Problem } from '../../functions/core/api/schemas';
import { answers, bank, MODULE_ID } from '../support/banks';
import { localStore } from '../support/dynamo';
import { ANSWER_KEY_FIELDS, jsonKeys } from '../support/json-keys';

const stack = inject('stack');
const store = localStore(stack);
let clock = new Date('2026-11-20T10:00:00Z');
const deps = quizDepsFromEnv(stack.functionEnv);
const app = createQuizApp({ ...deps, now: () => clock });
const asTrainee = { authorization: `Bearer ${stack.tokens.traineeA}` };

const post = async (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<Response> =>
  app.request('/api/attempts', { method: 'POST', headers: { ...asTrainee, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const get = (path: string) => app.request(path, { headers: asTrainee });

async function expectProblem(response: Response, status: number, type: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const problem = (await response.json()) as Problem;
  expect(problem).toMatchObject({ status, type: `/problems/${type}`, title: expect.any(String), detail: expect.any(String) });
  expect(JSON.stringify(problem)).not.toMatch(/at .*\.(ts|js):\d+/);
  return problem;
}

describe('GET /api/modules/:moduleId/questions', () => {
  it('serves every question without answer keys or explanations', async () => {
    const response = await get(`/api/modules/${MODULE_ID}/questions`);
    expect(response.status).toBe(200);
    const text = await response.text();
    const quiz = JSON.parse(text);
    expect(quiz.questions.map((question: { id: string }) => question.id)).toEqual(bank.questions.map((question) => question.id));
    expect([...jsonKeys(quiz)].filter((key) => ANSWER_KEY_FIELDS.includes(key))).toEqual([]);
    for (const question of bank.questions) expect(text).not.toContain(question.explanation);
  });

  it('answers an unknown module with a 404 problem', async () => {
    const problem = await expectProblem(await get('/api/modules/no-such-module/questions'), 404, 'module-not-found');
    expect(problem.detail).toContain('no-such-module');
  });

  it('rejects a malformed module id with a 400 problem', async () => {
    await expectProblem(await get('/api/modules/NOT_A_SLUG/questions'), 400, 'invalid-request');
  });
});

describe('POST /api/attempts', () => {
  it('scores a submission, stores it once and returns feedback with explanations', async () => {
    const attemptId = randomUUID();
    const response = await post({ attemptId, moduleId: MODULE_ID, answers: answers([bank.questions[0].id]) });
    expect(response.status).toBe(201);
    const result = (await response.json()) as AttemptResult;
    const total = bank.questions.length;
    expect(result).toMatchObject({
      attemptId,
      moduleId: MODULE_ID,
      contentVersion: bank.contentVersion,
      correctCount: total - 1,
      questionCount: total,
      passMark: 0.8,
      passed: (total - 1) / total >= 0.8,
    });
    expect(result.feedback[0]).toMatchObject({ questionId: bank.questions[0].id, correct: false, explanation: bank.questions[0].explanation });
    const stored = await store.attemptItems(attemptId);
    expect(stored).toHaveLength(1);
    const { feedback, ...summary } = result;
    expect(stored[0]).toMatchObject({ ...summary, answers: feedback.map((item) => encodeAnswer(item)) });
    // Prompts and explanations come from the bank, so an attempt costs one 1 KB write unit.
    expect(writeUnits(stored[0])).toBe(1);
  });

  it('returns the stored result for a resubmitted attempt id and writes nothing new', async () => {
    const attemptId = randomUUID();
    const body = { attemptId, moduleId: MODULE_ID, answers: answers() };
    const first = await (await post(body)).json();
    clock = new Date(clock.getTime() + 60_000);
    const again = await post(body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(first);
    expect(await store.attemptItems(attemptId)).toHaveLength(1);
  });

  it('stores exactly one attempt when the same submission arrives many times at once', async () => {
    const attemptId = randomUUID();
    const body = { attemptId, moduleId: MODULE_ID, answers: answers() };
    const statuses = await Promise.all(Array.from({ length: 8 }, async () => (await post(body)).status));
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(7);
    expect(await store.attemptItems(attemptId)).toHaveLength(1);
  });

  it('refuses to reuse an attempt id for different answers (409) and keeps the first result', async () => {
    const attemptId = randomUUID();
    const first = (await (await post({ attemptId, moduleId: MODULE_ID, answers: answers() })).json()) as AttemptResult;
    await expectProblem(await post({ attemptId, moduleId: MODULE_ID, answers: answers([bank.questions[1].id]) }), 409, 'attempt-conflict');
    const stored = await store.attemptItems(attemptId);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ attemptId, correctCount: first.correctCount, submittedAt: first.submittedAt });
  });

  describe('bad input gets a 4xx problem and writes nothing', () => {
    const valid = (attemptId: string) => ({ attemptId, moduleId: MODULE_ID, answers: answers() });
    const cases: [string, (id: string) => Promise<Response>, number, string, string?][] = [
      ['malformed JSON', (id) => post(`{"attemptId": "${id}", `), 400, 'malformed-request'],
      ['a body that is not JSON', (id) => post(`attemptId=${id}`, { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported-media-type'],
      ['wrong types', (id) => post({ attemptId: id, moduleId: MODULE_ID, answers: 'all of them' }), 400, 'invalid-request', '/answers'],
      ['an attempt id that is not a UUID', (id) => post({ ...valid(id), attemptId: `attempt-${id}` }), 400, 'invalid-request', '/attemptId'],
      ['unexpected fields', (id) => post({ ...valid(id), score: 1 }), 400, 'invalid-request'],
      ['an unknown module', (id) => post({ ...valid(id), moduleId: 'no-such-module' }), 404, 'module-not-found', '/moduleId'],
      ['unknown question ids', (id) => post({ ...valid(id), answers: [{ questionId: 'made-up', selected: ['a'] }] }), 422, 'invalid-answers', '/answers/0/questionId'],
      ['unknown option ids', (id) => post({ ...valid(id), answers: [{ questionId: bank.questions[0].id, selected: ['q'] }] }), 422, 'invalid-answers', '/answers/0/selected/0'],
      ['a body over the size limit', (id) => post({ ...valid(id), padding: 'x'.repeat(MAX_BODY_BYTES) }), 413, 'body-too-large'],
    ];

    it.each(cases)('%s', async (_case, send, status, type, pointer) => {
      const attemptId = randomUUID();
      const problem = await expectProblem(await send(attemptId), status, type);
      if (pointer) expect(problem.errors?.map((error) => error.pointer)).toContain(pointer);
      expect(await store.attemptItems(attemptId)).toEqual([]);
    });
  });

  it('answers 503 with Retry-After when storage is unreachable', async () => {
    const unreachable = createDocumentClient({ tableName: 'cit-integration', endpoint: 'http://127.0.0.1:9' });
    const down = createQuizApp({ ...deps, attempts: new DynamoAttemptStore(unreachable, 'cit-integration') });
    const response = await down.request('/api/attempts', {
      method: 'POST',
      headers: { ...asTrainee, 'content-type': 'application/json' },
      body: JSON.stringify({ attemptId: randomUUID(), moduleId: MODULE_ID, answers: answers() }),
    });
    await expectProblem(response, 503, 'storage-unavailable');
    expect(response.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
  });
});

describe('unknown routes', () => {
  it('get a 404 problem', async () => {
    await expectProblem(await get('/api/nothing-here'), 404, 'not-found');
  });
});

describe('body size limit', () => {
  it('refuses a body whose declared Content-Length is over the limit', async () => {
    const oversized = JSON.stringify({ attemptId: randomUUID(), moduleId: MODULE_ID, answers: [], padding: 'x'.repeat(MAX_BODY_BYTES) });
    const response = await post(oversized, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(oversized)) });
    await expectProblem(response, 413, 'body-too-large');
  });

  it('accepts a body whose declared Content-Length is within the limit', async () => {
    const body = JSON.stringify({ attemptId: randomUUID(), moduleId: MODULE_ID, answers: answers() });
    const response = await post(body, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
    expect(response.status).toBe(201);
  });

  it('refuses a chunked body over the limit (no Content-Length to trust)', async () => {
    const oversized = JSON.stringify({ attemptId: randomUUID(), moduleId: MODULE_ID, answers: [], padding: 'x'.repeat(MAX_BODY_BYTES) });
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(oversized));
        controller.close();
      },
    });
    const response = await app.request('/api/attempts', {
      method: 'POST',
      headers: { ...asTrainee, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      body,
      duplex: 'half',
    } as RequestInit);
    await expectProblem(response, 413, 'body-too-large');
  });
});
