import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { createQuizApp } from '../../functions/quiz/app';
import { quizDepsFromEnv } from '../../functions/quiz/deps-from-env';
import { createLocalOrigin } from '../../infra/local/local-origin';
import { SITE_BUILD_DIR } from '../../infra/site';
import { startTestDynamo } from '../support/start-dynamo';

/** The same local stack `npm start` runs: DynamoDB Local, the quiz app and the built site on one origin. */
export default async function setup(project: TestProject) {
  const tableName = 'cit-e2e';
  const db = await startTestDynamo(project, tableName);
  const quiz = createQuizApp(quizDepsFromEnv({ TABLE_NAME: tableName, DYNAMODB_ENDPOINT: db.endpoint }));
  const origin = createLocalOrigin({ functions: { quiz }, siteDir: SITE_BUILD_DIR });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: origin.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  project.provide('baseUrl', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  return async () => {
    await new Promise((resolve) => server.close(resolve));
    await db.stop();
  };
}
