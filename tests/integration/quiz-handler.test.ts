import type { APIGatewayProxyEventV2, APIGatewayProxyResult, Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { apiGatewayEvent } from '../support/api-gateway-event';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { AttemptResult, IssuedAttempt } from '../../functions/core/api/schemas';
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

  it('compresses a large answer (a review) for a client that accepts gzip, base64-encoded as API Gateway expects', async () => {
    const issued = await handler(apiGatewayEvent('POST', '/api/modules/complications/attempts', undefined, auth), context);
    const attempt = JSON.parse(issued.body) as IssuedAttempt;
    const json = { ...auth, 'content-type': 'application/json' };
    const submitted = await handler(
      apiGatewayEvent('POST', `/api/attempts/${attempt.attemptId}/submission`, JSON.stringify(submissionFor(attempt)), json),
      context,
    );
    // All right: the verdicts are short, so they go uncompressed.
    expect(submitted.headers?.['content-encoding']).toBeUndefined();
    const response = await handler(
      apiGatewayEvent('GET', `/api/attempts/${attempt.attemptId}`, undefined, { ...auth, 'accept-encoding': 'gzip, deflate, br' }),
      context,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['content-encoding']).toBe('gzip');
    expect(response.isBase64Encoded).toBe(true);
    const review = JSON.parse(gunzipSync(Buffer.from(response.body, 'base64')).toString('utf8')) as AttemptResult;
    expect(review).toMatchObject({ attemptId: attempt.attemptId, passed: true });
    expect(review.feedback.map((item) => (item.explanation ?? '').length > 0)).toEqual(attempt.questions.map(() => true));
  });

  it('turns malformed JSON into a problem+json 400', async () => {
    const response = await handler(
      apiGatewayEvent('POST', `/api/attempts/${randomUUID()}/submission`, '{', { ...auth, 'content-type': 'application/json' }),
      context,
    );
    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
  });

  it('answers a request without a token with 401 problem+json', async () => {
    const response = await handler(apiGatewayEvent('GET', '/api/me/attempts'), context);
    expect(response.statusCode).toBe(401);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
  });
});
