import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { bundledBanks } from '../../functions/core/course/bundled-banks';
import type { SubmitAttempt } from '../../functions/core/api/schemas';
import { apiGatewayEvent } from '../support/api-gateway-event';

export const BENCH_MODULE = 'mechanism-of-action';

/** A complete, correct submission for the benchmark module with a fresh attempt id. */
export function submission(): SubmitAttempt {
  return {
    attemptId: randomUUID(),
    moduleId: BENCH_MODULE,
    answers: bundledBanks[BENCH_MODULE].questions.map((question) => ({ questionId: question.id, selected: question.correctOptionIds })),
  };
}

/** An API Gateway HTTP API (payload 2.0) POST event with a JSON body. */
export const postEvent = (path: string, body: unknown, authorization: string): APIGatewayProxyEventV2 =>
  apiGatewayEvent('POST', path, JSON.stringify(body), { 'content-type': 'application/json', authorization });
