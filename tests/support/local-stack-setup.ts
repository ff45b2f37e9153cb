import type { JWK } from 'jose';
import type { TestProject } from 'vitest/node';
import { DEMO_PASSWORD, demoPeople, type DemoPerson } from '../../infra/local/demo-data';
import { startLocalStack } from '../../infra/local/stack';
import { signIn } from './sign-in';

/** What tests get from the global set-up: plain data, since it crosses into the test workers. */
export interface StackInfo {
  webUrl: string;
  issuer: string;
  clientId: string;
  dynamoEndpoint: string;
  tableName: string;
  functionEnv: Record<string, string>;
  /** An ID token per demo account, obtained through the provider's real sign-in page. */
  tokens: Record<DemoPerson, string>;
  /** The provider's signing key, to mint tokens it would issue (expired ones, say). */
  signingKey: JWK;
}

/** Starts the same local stack `npm start` runs, on free ports, and signs every demo account in. */
export async function setupLocalStack(project: TestProject, tableName: string) {
  const stack = await startLocalStack({ port: 0, dynamoDbPort: 0, identityProviderPort: 0, tableName });
  try {
    const { issuer, clientId, signingKey } = stack.identityProvider;
    const entries = await Promise.all(
      (Object.keys(demoPeople) as DemoPerson[]).map(async (name) => [
        name,
        await signIn(issuer, clientId, `${stack.webUrl}/auth/callback`, demoPeople[name].email, DEMO_PASSWORD),
      ]),
    );
    const info: StackInfo = {
      webUrl: stack.webUrl,
      issuer,
      clientId,
      dynamoEndpoint: stack.dynamoEndpoint,
      tableName,
      functionEnv: stack.functionEnv as Record<string, string>,
      tokens: Object.fromEntries(entries),
      signingKey,
    };
    project.provide('stack', info);
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return () => stack.stop();
}
