import type { VerificationDeps } from '../core/certification/verification';
import { createDocumentClient, storeConfigFromEnv } from '../core/store/document-client';
import { DynamoCertificateLookup } from '../core/store/dynamo-certificate-lookup';

/** Production wiring, also used by the local stack: only the environment differs. No token settings: it is public. */
export function verificationDepsFromEnv(env: NodeJS.ProcessEnv = process.env): VerificationDeps {
  const config = storeConfigFromEnv(env);
  return { certificates: new DynamoCertificateLookup(createDocumentClient(config), config.tableName), now: () => new Date() };
}
