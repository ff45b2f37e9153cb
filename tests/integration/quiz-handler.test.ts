import type { APIGatewayProxyEventV2, APIGatewayProxyResult, Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { apiGatewayEvent } from '../support/api-gateway-event';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { answers, MODULE_ID } from '../support/banks';
import { localStore } from '../support/dynamo';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResult>;
let handler: Handler;

const context = { awsRequestId: 'test', functionName: 'quiz' } as Context;

const stack = inject('stack');
const auth = { authorization: `Bearer ${stack.tokens.traineeA}` };

beforeAll(async () => {
  // The handler reads its settings from the environment at import, as it does in Lambda.
  Object.assign(process.env, stack.functionEnv);
  ({ handler } = (await import('../../functions/quiz/handler')) as unknown as { handler: Handler });
});

describe('quiz Lambda handler (API Gateway v2 events)', () => {
  it('serves the quiz', async () => {
    const response = await handler(apiGatewayEvent('GET', `/api/modules/${MODULE_ID}/questions`, undefined, auth), context);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body).moduleId).toBe(MODULE_ID);
  });

  it('scores and stores a submission once, and replays it', async () => {
    const attemptId = randomUUID();
    const body = JSON.stringify({ attemptId, moduleId: MODULE_ID, answers: answers() });
    const first = await handler(apiGatewayEvent('POST', '/api/attempts', body, { ...auth, 'content-type': 'application/json' }), context);
    expect(first.statusCode).toBe(201);
    expect(JSON.parse(first.body)).toMatchObject({ attemptId, passed: true, score: 1 });
    const again = await handler(apiGatewayEvent('POST', '/api/attempts', body, { ...auth, 'content-type': 'application/json' }), context);
    expect(again.statusCode).toBe(200);
    expect(JSON.parse(again.body)).toEqual(JSON.parse(first.body));
    expect(await localStore(stack).attemptItems(attemptId)).toHaveLength(1);
  });

  it('turns malformed JSON into a problem+json 400', async () => {
    const response = await handler(apiGatewayEvent('POST', '/api/attempts', '{', { ...auth, 'content-type': 'application/json' }), context);
    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
  });

  it('answers a request without a token with 401 problem+json', async () => {
    const response = await handler(apiGatewayEvent('GET', '/api/me/attempts'), context);
    expect(response.statusCode).toBe(401);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
  });
});
