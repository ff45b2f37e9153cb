import { Hono } from 'hono/tiny';
import { issuedView, progressView, resultView, submissionView, summaryView } from '../core/api/views/quiz';
import type { VerifyToken } from '../core/auth/token-verifier';
import type { AuthEnv } from '../core/http/access';
import { sendJson } from '../core/http/compress';
import { mount } from '../core/http/mount';
import { noStore } from '../core/http/no-store';
import { notFound, onError } from '../core/http/problem-details';
import {
  issueAttempt,
  listMyAttempts,
  listTraineeAttempts,
  myProgress,
  reviewAttempt,
  submitAnswers,
  type AttemptsDeps,
} from '../core/quiz/use-cases';

export type QuizAppDeps = AttemptsDeps & { verifyToken: VerifyToken };

/** The quiz API: server-issued attempts, scoring, progress and review. */
export function createQuizApp(deps: QuizAppDeps) {
  const app = new Hono<AuthEnv>().use(noStore);
  mount(app, 'issueAttempt', deps.verifyToken, async ({ principal, params, c }) => {
    const issued = await issueAttempt(deps, principal, params.moduleId);
    return sendJson(c, issuedView(issued), issued.resumed ? 200 : 201);
  });
  mount(app, 'submitAnswers', deps.verifyToken, async ({ principal, params, body, c }) => {
    const { replayed, outcome } = await submitAnswers(deps, principal, params.attemptId, body);
    return sendJson(c, submissionView(outcome), replayed ? 200 : 201);
  });
  mount(app, 'getAttempt', deps.verifyToken, async ({ principal, params, c }) =>
    sendJson(c, resultView(await reviewAttempt(deps, principal, params.attemptId))),
  );
  mount(app, 'getMyProgress', deps.verifyToken, async ({ principal, c }) => sendJson(c, progressView(await myProgress(deps, principal))));
  mount(app, 'listMyAttempts', deps.verifyToken, async ({ principal, c }) => {
    const now = deps.now();
    return sendJson(c, { attempts: (await listMyAttempts(deps, principal)).map((record) => summaryView(record, now)) });
  });
  mount(app, 'listTraineeAttempts', deps.verifyToken, async ({ principal, params, c }) => {
    const now = deps.now();
    return sendJson(c, {
      attempts: (await listTraineeAttempts(deps, principal, params.traineeId)).map((record) => summaryView(record, now)),
    });
  });
  return app.onError(onError).notFound(notFound);
}
