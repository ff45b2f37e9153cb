import { Hono } from 'hono';
import { openApiDocument } from '../core/api/bundled-openapi';
import { honoPath, route } from '../core/api/routes';
import { moduleIdParamsSchema, submitAttemptSchema } from '../core/api/schemas';
import { ModuleNotFound } from '../core/errors';
import { maxBodySize } from '../core/http/body-size';
import { notFound, onError } from '../core/http/problem-details';
import { jsonBody, pathParams } from '../core/http/validate';
import { toPublicQuiz } from '../core/quiz/public-quiz';
import { submitAttempt, type SubmitAttemptDeps } from '../core/quiz/submit-attempt';

/** A full 100-answer submission is about 6 KB; anything far beyond that is not a quiz. */
export const MAX_BODY_BYTES = 32 * 1024;

export type QuizAppDeps = SubmitAttemptDeps;

/** The quiz API: serves questions without answers, scores submissions and stores each attempt once. */
export function createQuizApp(deps: QuizAppDeps) {
  return new Hono()
    .use(async (c, next) => {
      await next();
      c.header('cache-control', 'no-store');
    })
    .get(honoPath(route('getOpenApiDocument').path), (c) => c.json(openApiDocument))
    .get(honoPath(route('getQuiz').path), pathParams(moduleIdParamsSchema), (c) => {
      const { moduleId } = c.req.valid('param');
      const bank = deps.banks[moduleId];
      if (!bank) throw new ModuleNotFound(moduleId, '/path/moduleId');
      return c.json(toPublicQuiz(bank));
    })
    .post(
      honoPath(route('submitAttempt').path),
      maxBodySize(MAX_BODY_BYTES),
      ...jsonBody(submitAttemptSchema),
      async (c) => {
        const { replayed, result } = await submitAttempt(deps, c.req.valid('json'));
        return c.json(result, replayed ? 200 : 201);
      },
    )
    .onError(onError)
    .notFound(notFound);
}
