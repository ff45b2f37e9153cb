import { bundledBanks } from '../core/course/bundled-banks';
import { createDocumentClient, storeConfigFromEnv } from '../core/store/document-client';
import { DynamoAttemptStore } from '../core/store/dynamo-attempt-store';
import type { QuizAppDeps } from './app';

/** Production wiring, also used by the local stack: only the environment differs. */
export function quizDepsFromEnv(env: NodeJS.ProcessEnv = process.env): QuizAppDeps {
  const config = storeConfigFromEnv(env);
  return {
    banks: bundledBanks,
    attempts: new DynamoAttemptStore(createDocumentClient(config), config.tableName),
    now: () => new Date(),
  };
}
