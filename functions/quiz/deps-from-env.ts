import { bundledBanks } from '../core/course/bundled-banks';
import { createTokenVerifier, tokenVerifierConfigFromEnv } from '../core/auth/token-verifier';
import { createDocumentClient, storeConfigFromEnv } from '../core/store/document-client';
import { DynamoAttemptStore } from '../core/store/dynamo-attempt-store';
import { DynamoPeopleStore } from '../core/store/dynamo-people-store';
import type { QuizAppDeps } from './app';

/** Production wiring, also used by the local stack: only the environment differs. */
export function quizDepsFromEnv(env: NodeJS.ProcessEnv = process.env): QuizAppDeps {
  const config = storeConfigFromEnv(env);
  const client = createDocumentClient(config);
  return {
    banks: bundledBanks,
    attempts: new DynamoAttemptStore(client, config.tableName),
    people: new DynamoPeopleStore(client, config.tableName),
    verifyToken: createTokenVerifier(tokenVerifierConfigFromEnv(env)),
    now: () => new Date(),
  };
}
