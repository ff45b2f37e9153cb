import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ObservedProcedure, IssuedAttempt, Problem } from '../../functions/core/api/schemas';
import { createCertificationApp } from '../../functions/certification/app';
import { certificationDepsFromEnv } from '../../functions/certification/deps-from-env';
import { createDocumentClient } from '../../functions/core/store/document-client';
import { DynamoPeopleStore } from '../../functions/core/store/dynamo-people-store';
import { RETRY_AFTER_SECONDS } from '../../functions/core/http/problem-details';
import { createQuizApp } from '../../functions/quiz/app';
import { quizDepsFromEnv } from '../../functions/quiz/deps-from-env';
import { demoPeople } from '../../infra/local/demo-data';
import { ensureTable, startDynamoDbLocal, type DynamoDbLocal } from '../../infra/local/dynamodb-local';
import { freePort } from '../../infra/local/preflight';
import { submissionFor } from '../support/banks';
import { satisfactoryProcedure } from '../support/certification';
import { newTrainee } from '../support/new-trainee';

/**
 * Storage that hangs is a fault, not a wait. These tests pause a DynamoDB Local of their own
 * (SIGSTOP: the port still accepts connections, nothing answers), so the other test files keep
 * theirs: every call must fail as "unavailable" within the SDK's time limits, the answer is a
 * 503 with Retry-After, and once it resumes a retry of the same request stores exactly one record,
 * even where the first request's write reached the store after its caller had given up.
 */
const stack = inject('stack');
const TABLE = 'cit-stalled-store';
let dynamo: DynamoDbLocal;
let env: Record<string, string>;

beforeAll(async () => {
  dynamo = await startDynamoDbLocal(await freePort());
  await ensureTable(dynamo.client, TABLE);
  env = { ...stack.functionEnv, TABLE_NAME: TABLE, DYNAMODB_ENDPOINT: dynamo.endpoint };
}, 60_000);
afterAll(async () => {
  if (dynamo.pid) process.kill(dynamo.pid, 'SIGCONT');
  await dynamo.stop();
});

const pause = () => process.kill(dynamo.pid!, 'SIGSTOP');
const resume = () => process.kill(dynamo.pid!, 'SIGCONT');

async function expectUnavailable(response: Response) {
  expect(response.status).toBe(503);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(response.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
  expect(((await response.json()) as Problem).type).toBe('/problems/storage-unavailable');
}

/** Items of a type in one partition of the paused table, read once it answers again. */
async function itemsIn(pk: string, type: string) {
  const client = createDocumentClient({ tableName: TABLE, endpoint: dynamo.endpoint });
  const { Items = [] } = await client.send(
    new QueryCommand({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ConsistentRead: true,
    }),
  );
  return Items.filter((item) => item.type === type);
}

describe('a stalled DynamoDB', () => {
  it('starting an attempt: 503 while paused, then a retry stores exactly one attempt', async () => {
    const trainee = await newTrainee(stack, 'Stalled Store Trainee');
    const app = createQuizApp(quizDepsFromEnv(env));
    const start = () =>
      app.request('/api/modules/technique/attempts', { method: 'POST', headers: { authorization: trainee.authorization } });

    pause();
    try {
      await expectUnavailable(await start());
    } finally {
      resume();
    }
    const retried = await start();
    expect([200, 201]).toContain(retried.status);
    const attempt = (await retried.json()) as IssuedAttempt;
    expect(await (await start()).json()).toMatchObject({ attemptId: attempt.attemptId, resumed: true });
    expect(await itemsIn(`USER#${trainee.sub}`, 'Attempt')).toHaveLength(1);

    // Submitting while paused, then again: one submission stored, the same result both times it answers.
    const submit = () =>
      app.request(`/api/attempts/${attempt.attemptId}/submission`, {
        method: 'POST',
        headers: { authorization: trainee.authorization, 'content-type': 'application/json' },
        body: JSON.stringify(submissionFor(attempt)),
      });
    pause();
    try {
      await expectUnavailable(await submit());
    } finally {
      resume();
    }
    expect([200, 201]).toContain((await submit()).status);
    const [stored] = await itemsIn(`USER#${trainee.sub}`, 'Attempt');
    expect(stored.submission).toBeDefined();
  });

  it('recording an observed procedure: 503 while paused, then a retry under the same Idempotency-Key stores exactly one', async () => {
    const trainee = await newTrainee(stack, 'Stalled Store Assessed');
    // The paused table has its own people: the trainee, assigned to the demo supervisor.
    await new DynamoPeopleStore(createDocumentClient({ tableName: TABLE, endpoint: dynamo.endpoint }), TABLE).createPerson({
      sub: trainee.sub,
      email: trainee.email,
      name: 'Stalled Store Assessed',
      role: 'trainee',
      orgId: demoPeople.supervisorA.orgId,
      supervisorSub: demoPeople.supervisorA.sub,
      invitedAt: new Date().toISOString(),
    });
    const app = createCertificationApp(certificationDepsFromEnv(env));
    const key = randomUUID();
    const record = (body = satisfactoryProcedure()) =>
      app.request(`/api/trainees/${trainee.sub}/observed-procedures`, {
        method: 'POST',
        headers: { authorization: `Bearer ${stack.tokens.supervisorA}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body),
      });

    pause();
    try {
      await expectUnavailable(await record());
    } finally {
      resume();
    }
    const first = await record();
    expect(first.status).toBe(201);
    const again = await record();
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as ObservedProcedure).procedureId).toBe(((await first.json()) as ObservedProcedure).procedureId);
    expect(await itemsIn(`USER#${trainee.sub}`, 'ObservedProcedure')).toHaveLength(1);

    // The same key with a different request is refused, not answered with the first record.
    const other = await record(satisfactoryProcedure('Fine lines, forehead'));
    expect(other.status).toBe(422);
    expect(((await other.json()) as Problem).type).toBe('/problems/idempotency-key-reused');
    expect(await itemsIn(`USER#${trainee.sub}`, 'ObservedProcedure')).toHaveLength(1);
  });
});
