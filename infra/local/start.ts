/**
 * `npm start`: the whole platform on this machine. DynamoDB Local, the table from the shared
 * definition, the Lambda apps and the built site behind one origin, as CloudFront serves them.
 */
import { serve } from '@hono/node-server';
import { fileURLToPath } from 'node:url';
import { createQuizApp } from '../../functions/quiz/app';
import { quizDepsFromEnv } from '../../functions/quiz/deps-from-env';
import { ensureTable, startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local';
import { createLocalOrigin } from './local-origin';
import { assertPortFree, PreflightError } from './preflight';

const PORT = Number(process.env.PORT ?? 3000);
const DYNAMODB_PORT = Number(process.env.DYNAMODB_PORT ?? 8000);
const TABLE_NAME = process.env.TABLE_NAME ?? 'cit-platform-local';
const SITE_DIR = fileURLToPath(new URL('../../web/build', import.meta.url));

const step = (message: string) => console.log(`▸ ${message}`);

let db: DynamoDbLocal | undefined;
let stopping = false;

async function shutdown(server?: { close: (cb: () => void) => void }, code = 0) {
  if (stopping) return;
  stopping = true;
  step('stopping…');
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await db?.stop();
  step('stopped');
  process.exit(code);
}

try {
  await assertPortFree(PORT, 'PORT');
  step(`starting DynamoDB Local on port ${DYNAMODB_PORT}…`);
  db = await startDynamoDbLocal(DYNAMODB_PORT);
  step(`creating table ${TABLE_NAME}…`);
  await ensureTable(db.client, TABLE_NAME);

  const quiz = createQuizApp(quizDepsFromEnv({ TABLE_NAME, DYNAMODB_ENDPOINT: db.endpoint, AWS_REGION: 'us-east-1' }));
  const origin = createLocalOrigin({ functions: { quiz }, siteDir: SITE_DIR });
  const server = serve({ fetch: origin.fetch, port: PORT, hostname: '127.0.0.1' }, () => {
    console.log(`
CIT Academy is running locally
  Web app:     http://127.0.0.1:${PORT}/
  First quiz:  http://127.0.0.1:${PORT}/courses/mechanism-of-action/quiz
  API (spec):  http://127.0.0.1:${PORT}/api/openapi.json
  DynamoDB:    ${db?.endpoint} (table ${TABLE_NAME})
Press Ctrl-C to stop.`);
  });
  process.once('SIGINT', () => void shutdown(server));
  process.once('SIGTERM', () => void shutdown(server));
} catch (error) {
  console.error(error instanceof PreflightError ? `✖ ${error.message}` : error);
  await shutdown(undefined, 1);
}
