import type { APIGatewayProxyEventV2, APIGatewayProxyResult, Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { apiGatewayEvent } from '../support/api-gateway-event';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { IssuedAttempt, SubmissionResult } from '../../functions/core/api/schemas';
import { submissionFor } from '../support/banks';
import { newTrainee } from '../support/new-trainee';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResult>;
let handler: Handler;

const context = { awsRequestId: 'test', functionName: 'quiz' } as Context;

const stack = inject('stack');
let auth: { authorization: string };

beforeAll(async () => {
  // The handler reads its settings from the environment at import, as it does in Lambda.
  Object.assign(process.env, stack.functionEnv);
  ({ handler } = (await import('../../functions/quiz/handler')) as unknown as { handler: Handler });
  auth = { authorization: (await newTrainee(stack)).authorization };
});

describe('quiz Lambda handler (API Gateway v2 events)', () => {
  it('issues an attempt, scores its submission once, and replays it', async () => {
    const issued = await handler(apiGatewayEvent('POST', '/api/modules/technique/attempts', undefined, auth), context);
    expect(issued.statusCode).toBe(201);
    const attempt = JSON.parse(issued.body) as IssuedAttempt;
    const body = JSON.stringify(submissionFor(attempt));
    const path = `/api/attempts/${attempt.attemptId}/submission`;
    const first = await handler(apiGatewayEvent('POST', path, body, { ...auth, 'content-type': 'application/json' }), context);
    expect(first.statusCode).toBe(201);
    expect(JSON.parse(first.body)).toMatchObject({ attemptId: attempt.attemptId, passed: true, score: 1 });
    const again = await handler(apiGatewayEvent('POST', path, body, { ...auth, 'content-type': 'application/json' }), context);
    expect(again.statusCode).toBe(200);
    expect(JSON.parse(again.body)).toEqual(JSON.parse(first.body));
  });

  it('compresses the result for a client that accepts gzip, base64-encoded as API Gateway expects', async () => {
    const issued = await handler(apiGatewayEvent('POST', '/api/modules/complications/attempts', undefined, auth), context);
    const attempt = JSON.parse(issued.body) as IssuedAttempt;
    const headers = { ...auth, 'content-type': 'application/json', 'accept-encoding': 'gzip, deflate, br' };
    const response = await handler(apiGatewayEvent('POST', `/api/attempts/${attempt.attemptId}/submission`, JSON.stringify(submissionFor(attempt)), headers), context);
    expect(response.statusCode).toBe(201);
    expect(response.headers?.['content-encoding']).toBe('gzip');
    expect(response.isBase64Encoded).toBe(true);
    const result = JSON.parse(gunzipSync(Buffer.from(response.body, 'base64')).toString('utf8')) as SubmissionResult;
    expect(result).toMatchObject({ attemptId: attempt.attemptId, passed: true });
    expect(result.feedback).toHaveLength(attempt.questions.length);
  });

  it('turns malformed JSON into a problem+json 400', async () => {
    const response = await handler(apiGatewayEvent('POST', `/api/attempts/${randomUUID()}/submission`, '{', { ...auth, 'content-type': 'application/json' }), context);
    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
  });

  it('answers a request without a token with 401 problem+json', async () => {
    const response = await handler(apiGatewayEvent('GET', '/api/me/attempts'), context);
    expect(response.statusCode).toBe(401);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
  });
});
