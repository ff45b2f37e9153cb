import type { IdentityDirectory } from '../core/accounts/ports';
import { createTokenVerifier, tokenVerifierConfigFromEnv } from '../core/auth/token-verifier';
import { CognitoDirectory } from '../core/identity/cognito-directory';
import { LocalDirectory } from '../core/identity/local-directory';
import { createDocumentClient, storeConfigFromEnv } from '../core/store/document-client';
import { DynamoPeopleStore } from '../core/store/dynamo-people-store';
import type { AccountsAppDeps } from './app';

function directoryFromEnv(env: NodeJS.ProcessEnv): IdentityDirectory {
  if (env.USER_POOL_ID) return new CognitoDirectory(env.USER_POOL_ID);
  if (env.LOCAL_IDP_ADMIN_URL && env.LOCAL_IDP_ADMIN_SECRET) return new LocalDirectory(env.LOCAL_IDP_ADMIN_URL, env.LOCAL_IDP_ADMIN_SECRET);
  throw new Error('Set USER_POOL_ID (AWS) or LOCAL_IDP_ADMIN_URL and LOCAL_IDP_ADMIN_SECRET (local stack)');
}

/** Production wiring, also used by the local stack: only the environment differs. */
export function accountsDepsFromEnv(env: NodeJS.ProcessEnv = process.env): AccountsAppDeps {
  const config = storeConfigFromEnv(env);
  return {
    people: new DynamoPeopleStore(createDocumentClient(config), config.tableName),
    directory: directoryFromEnv(env),
    verifyToken: createTokenVerifier(tokenVerifierConfigFromEnv(env)),
    now: () => new Date(),
  };
}
