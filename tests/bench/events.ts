import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { bundledBanks } from '../../functions/core/course/bundled-banks';
import type { SubmitAnswers } from '../../functions/core/api/schemas';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { attemptItem } from '../../functions/core/store/attempt-item';
import { drawQuestions } from '../../functions/core/quiz/draw';
import { encodeServedToken } from '../../functions/core/quiz/served-token';
import { apiGatewayEvent } from '../support/api-gateway-event';
import { correctAnswer, questionById, wrongAnswer } from '../support/banks';

export const BENCH_MODULE = 'mechanism-of-action';

export interface OpenAttempt {
  attemptId: string;
  /** Its trainee's bearer token: a submission is made by the trainee it was issued to. */
  authorization: string;
  /** What the client sends to submit it: the served token and all-correct answers. */
  body: SubmitAnswers;
}

/**
 * Attempts issued ahead of the measurement, straight into the table as the store writes them,
 * with the real draw, spread over the trainees in turn. The attempt policy (three a day, one
 * open) is the API's business, not what the submission figures measure, so no ledger is written.
 */
export async function preIssueAttempts(
  client: DynamoDBDocumentClient,
  tableName: string,
  trainees: { sub: string; authorization: string }[],
  count: number,
): Promise<OpenAttempt[]> {
  const bank = bundledBanks.get(BENCH_MODULE)!;
  const now = Date.now();
  const attempts: OpenAttempt[] = [];
  for (let offset = 0; offset < count; offset += 50) {
    const batch = Array.from({ length: Math.min(50, count - offset) }, (_, index) => {
      const { served } = drawQuestions(bank);
      const trainee = trainees[(offset + index) % trainees.length];
      return {
        trainee,
        record: {
          attemptId: randomUUID(),
          userSub: trainee.sub,
          moduleId: bank.moduleId,
          contentVersion: bank.contentVersion,
          passMark: bank.policy.passMark,
          issuedAt: new Date(now).toISOString(),
          expiresAt: new Date(now + 6 * 3600_000).toISOString(),
          served,
        },
        body: {
          servedToken: encodeServedToken({ moduleId: bank.moduleId, contentVersion: bank.contentVersion, served }),
          answers: served.map(({ questionId }) => ({ questionId, selected: correctAnswer(questionId) })),
        },
      };
    });
    await Promise.all(batch.map(({ record }) => client.send(new PutCommand({ TableName: tableName, Item: attemptItem(record) }))));
    attempts.push(
      ...batch.map(({ record, body, trainee }) => ({ attemptId: record.attemptId, authorization: trainee.authorization, body })),
    );
  }
  return attempts;
}

export const submissionPath = (attemptId: string) => `/api/attempts/${attemptId}/submission`;

/** A request per pre-issued attempt: its trainee submits it. */
export const submitEach = (attempts: OpenAttempt[]) => (): BenchRequest => {
  const attempt = attempts.pop()!;
  return { path: submissionPath(attempt.attemptId), body: attempt.body, authorization: attempt.authorization };
};

/** One request the benchmark sends: a POST with a JSON body (a submission) or a GET (a verification). */
export interface BenchRequest {
  method?: 'GET' | 'POST';
  path: string;
  body?: unknown;
  /** The caller's bearer token, when the request needs one of its own. */
  authorization?: string;
}

/** The API Gateway HTTP API (payload 2.0) event for a request, as the deployed function receives it. */
export function eventFor(request: BenchRequest): APIGatewayProxyEventV2 {
  const auth: Record<string, string> = request.authorization ? { authorization: request.authorization } : {};
  return request.method === 'GET'
    ? apiGatewayEvent('GET', request.path, undefined, auth)
    : apiGatewayEvent('POST', request.path, JSON.stringify(request.body), { 'content-type': 'application/json', ...auth });
}

/**
 * The same submission with `count` answers wrong (never a safety-critical one), so it still
 * passes at the pass mark: a typical submission, whose feedback explains what was missed.
 */
export function withMistakes(body: SubmitAnswers, count: number): SubmitAnswers {
  const missed = new Set(
    body.answers
      .filter(({ questionId }) => !questionById(questionId).safetyCritical)
      .slice(0, count)
      .map(({ questionId }) => questionId),
  );
  return {
    ...body,
    answers: body.answers.map((answer) =>
      missed.has(answer.questionId) ? { ...answer, selected: wrongAnswer(answer.questionId) } : answer,
    ),
  };
}
