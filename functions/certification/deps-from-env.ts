import { createTokenVerifier, tokenVerifierConfigFromEnv } from '../core/auth/token-verifier';
import { catalogue } from '../core/course/generated/catalogue';
import { createDocumentClient, storeConfigFromEnv } from '../core/store/document-client';
import { DynamoAttemptStore } from '../core/store/dynamo-attempt-store';
import { DynamoCertificationStore } from '../core/store/dynamo-certification-store';
import { DynamoPeopleStore } from '../core/store/dynamo-people-store';
import type { CertificationAppDeps } from './app';

/** Production wiring, also used by the local stack: only the environment differs. */
export function certificationDepsFromEnv(env: NodeJS.ProcessEnv = process.env): CertificationAppDeps {
  const config = storeConfigFromEnv(env);
  const client = createDocumentClient(config);
  return {
    catalogue,
    attempts: new DynamoAttemptStore(client, config.tableName),
    people: new DynamoPeopleStore(client, config.tableName),
    certification: new DynamoCertificationStore(client, config.tableName),
    verifyToken: createTokenVerifier(tokenVerifierConfigFromEnv(env)),
    now: () => new Date(),
  };
}
