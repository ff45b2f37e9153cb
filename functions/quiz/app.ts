import { Hono } from 'hono';
import { honoPath, route } from '../core/api/routes';
import { moduleIdParamsSchema, submitAttemptSchema, traineeIdParamsSchema } from '../core/api/schemas';
import type { VerifyToken } from '../core/auth/token-verifier';
import { ModuleNotFound } from '../core/errors';
import { requireAccess, type AuthEnv } from '../core/http/access';
import { maxBodySize } from '../core/http/body-size';
import { notFound, onError } from '../core/http/problem-details';
import { jsonBody, pathParams } from '../core/http/validate';
import { listMyAttempts, listTraineeAttempts, type ListAttemptsDeps } from '../core/quiz/list-attempts';
import { toPublicQuiz } from '../core/quiz/public-quiz';
import { submitAttempt, type SubmitAttemptDeps } from '../core/quiz/submit-attempt';

/** A full 100-answer submission is about 6 KB; anything far beyond that is not a quiz. */
export const MAX_BODY_BYTES = 32 * 1024;

export type QuizAppDeps = SubmitAttemptDeps & ListAttemptsDeps & { verifyToken: VerifyToken };

/** The quiz API: questions without answers, scoring, and each trainee's attempts. */
export function createQuizApp(deps: QuizAppDeps) {
  const guard = (operationId: string) => requireAccess(route(operationId), deps.verifyToken);
  const path = (operationId: string) => honoPath(route(operationId).path);

  return new Hono<AuthEnv>()
    .use(async (c, next) => {
      await next();
      c.header('cache-control', 'no-store');
    })
    .get(path('getQuiz'), guard('getQuiz'), pathParams(moduleIdParamsSchema), (c) => {
      const { moduleId } = c.req.valid('param');
      const bank = deps.banks[moduleId];
      if (!bank) throw new ModuleNotFound(moduleId, '/path/moduleId');
      return c.json(toPublicQuiz(bank));
    })
    .post(path('submitAttempt'), guard('submitAttempt'), maxBodySize(MAX_BODY_BYTES), ...jsonBody(submitAttemptSchema), async (c) => {
      const { replayed, result } = await submitAttempt(deps, c.get('principal'), c.req.valid('json'));
      return c.json(result, replayed ? 200 : 201);
    })
    .get(path('listMyAttempts'), guard('listMyAttempts'), async (c) => c.json({ attempts: await listMyAttempts(deps, c.get('principal')) }))
    .get(path('listTraineeAttempts'), guard('listTraineeAttempts'), pathParams(traineeIdParamsSchema), async (c) =>
      c.json({ attempts: await listTraineeAttempts(deps, c.get('principal'), c.req.valid('param').traineeId) }),
    )
    .onError(onError)
    .notFound(notFound);
}
