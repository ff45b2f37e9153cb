import type { APIGatewayProxyEventV2, APIGatewayProxyResult, Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { apiGatewayEvent } from '../support/api-gateway-event';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { answers, MODULE_ID } from '../support/banks';
import { localStore } from '../support/dynamo';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResult>;
let handler: Handler;

const context = { awsRequestId: 'test', functionName: 'quiz' } as Context;

beforeAll(async () => {
  // The handler reads its table from the environment at import, as it does in Lambda.
  process.env.TABLE_NAME = inject('tableName');
  process.env.DYNAMODB_ENDPOINT = inject('dynamoEndpoint');
  ({ handler } = (await import('../../functions/quiz/handler')) as unknown as { handler: Handler });
});

describe('quiz Lambda handler (API Gateway v2 events)', () => {
  it('serves the quiz', async () => {
    const response = await handler(apiGatewayEvent('GET', `/api/modules/${MODULE_ID}/questions`), context);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body).moduleId).toBe(MODULE_ID);
  });

  it('scores and stores a submission once, and replays it', async () => {
    const attemptId = randomUUID();
    const body = JSON.stringify({ attemptId, moduleId: MODULE_ID, answers: answers() });
    const first = await handler(apiGatewayEvent('POST', '/api/attempts', body, { 'content-type': 'application/json' }), context);
    expect(first.statusCode).toBe(201);
    expect(JSON.parse(first.body)).toMatchObject({ attemptId, passed: true, score: 1 });
    const again = await handler(apiGatewayEvent('POST', '/api/attempts', body, { 'content-type': 'application/json' }), context);
    expect(again.statusCode).toBe(200);
    expect(JSON.parse(again.body)).toEqual(JSON.parse(first.body));
    expect(await localStore(inject('dynamoEndpoint'), inject('tableName')).attemptItems(attemptId)).toHaveLength(1);
  });

  it('turns malformed JSON into a problem+json 400', async () => {
    const response = await handler(apiGatewayEvent('POST', '/api/attempts', '{', { 'content-type': 'application/json' }), context);
    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
  });

  it('serves the OpenAPI document', async () => {
    const response = await handler(apiGatewayEvent('GET', '/api/openapi.json'), context);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body).openapi).toBe('3.1.0');
  });
});
