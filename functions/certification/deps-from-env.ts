import { createTokenVerifier, tokenVerifierConfigFromEnv } from '../core/auth/token-verifier';
import { course } from '../core/course/generated/course';
import { createDocumentClient, storeConfigFromEnv } from '../core/store/document-client';
import { DynamoAttemptReader } from '../core/store/dynamo-attempt-reader';
import { DynamoCertificationStore } from '../core/store/dynamo-certification-store';
import { DynamoPeopleStore } from '../core/store/dynamo-people-store';
import type { CertificationAppDeps } from './app';

/** Production wiring, also used by the local stack: only the environment differs. */
export function certificationDepsFromEnv(env: NodeJS.ProcessEnv = process.env): CertificationAppDeps {
  const config = storeConfigFromEnv(env);
  const client = createDocumentClient(config);
  return {
    course,
    attempts: new DynamoAttemptReader(client, config.tableName),
    people: new DynamoPeopleStore(client, config.tableName),
    certification: new DynamoCertificationStore(client, config.tableName),
    verifyToken: createTokenVerifier(tokenVerifierConfigFromEnv(env)),
    now: () => new Date(),
  };
}
