import { Hono } from 'hono/tiny';
import { honoPath, route, type OperationId } from '../core/api/routes';
import { attemptIdParamsSchema, moduleIdParamsSchema, submitAnswersSchema, traineeIdParamsSchema } from '../core/api/requests';
import type { VerifyToken } from '../core/auth/token-verifier';
import { requireAccess, type AuthEnv } from '../core/http/access';
import { maxBodySize } from '../core/http/body-size';
import { sendJson } from '../core/http/compress';
import { noStore } from '../core/http/no-store';
import { notFound, onError } from '../core/http/problem-details';
import { jsonBody, pathParams } from '../core/http/validate';
import {
  issueAttempt,
  listMyAttempts,
  listTraineeAttempts,
  myProgress,
  reviewAttempt,
  submitAnswers,
  type AttemptsDeps,
} from '../core/quiz/attempts';

/** A full 100-answer submission is about 6 KB; anything far beyond that is not a quiz. */
export const MAX_BODY_BYTES = 32 * 1024;

export type QuizAppDeps = AttemptsDeps & { verifyToken: VerifyToken };

/** The quiz API: server-issued attempts, scoring, progress and review. */
export function createQuizApp(deps: QuizAppDeps) {
  const guard = (operationId: OperationId) => requireAccess(route(operationId), deps.verifyToken);
  const path = (operationId: OperationId) => honoPath(route(operationId).path);

  return new Hono<AuthEnv>()
    .use(noStore)
    .post(path('issueAttempt'), guard('issueAttempt'), pathParams(moduleIdParamsSchema), async (c) => {
      const attempt = await issueAttempt(deps, c.get('principal'), c.req.valid('param').moduleId);
      return sendJson(c, attempt, attempt.resumed ? 200 : 201);
    })
    .post(path('submitAnswers'), guard('submitAnswers'), pathParams(attemptIdParamsSchema), maxBodySize(MAX_BODY_BYTES), ...jsonBody(submitAnswersSchema), async (c) => {
      const { replayed, result } = await submitAnswers(deps, c.get('principal'), c.req.valid('param').attemptId, c.req.valid('json'));
      return sendJson(c, result, replayed ? 200 : 201);
    })
    .get(path('getAttempt'), guard('getAttempt'), pathParams(attemptIdParamsSchema), async (c) =>
      sendJson(c, await reviewAttempt(deps, c.get('principal'), c.req.valid('param').attemptId)),
    )
    .get(path('getMyProgress'), guard('getMyProgress'), async (c) => sendJson(c, await myProgress(deps, c.get('principal'))))
    .get(path('listMyAttempts'), guard('listMyAttempts'), async (c) => sendJson(c, { attempts: await listMyAttempts(deps, c.get('principal')) }))
    .get(path('listTraineeAttempts'), guard('listTraineeAttempts'), pathParams(traineeIdParamsSchema), async (c) =>
      sendJson(c, { attempts: await listTraineeAttempts(deps, c.get('principal'), c.req.valid('param').traineeId) }),
    )
    .onError(onError)
    .notFound(notFound);
}
