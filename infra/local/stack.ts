import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerClientErrorsWithProblems } from './client-errors';
import { createAccountsApp } from '../../functions/accounts/app';
import { accountsDepsFromEnv } from '../../functions/accounts/deps-from-env';
import { createCertificationApp } from '../../functions/certification/app';
import { certificationDepsFromEnv } from '../../functions/certification/deps-from-env';
import { createQuizApp } from '../../functions/quiz/app';
import { quizDepsFromEnv } from '../../functions/quiz/deps-from-env';
import { createVerificationApp } from '../../functions/verification/app';
import { verificationDepsFromEnv } from '../../functions/verification/deps-from-env';
import { createDocumentClient } from '../../functions/core/store/document-client';
import { DynamoPeopleStore } from '../../functions/core/store/dynamo-people-store';
import { SITE_BUILD_DIR } from '../site';
import { ensureTable, startDynamoDbLocal } from './dynamodb-local';
import { startIdentityProvider, type LocalIdentityProvider } from './identity-provider/server';
import { createLocalOrigin } from './local-origin';
import { assertPortFree, freePort } from './preflight';
import { seedCertifiedPractitioner } from './demo-certificate';
import { seedDemoData } from './seed';

export interface LocalStackOptions {
  /** 0 picks free ports (tests, benchmark); `npm start` asks for fixed ones. */
  port: number;
  dynamoDbPort: number;
  identityProviderPort: number;
  tableName: string;
  onStep?: (message: string) => void;
  onInvitation?: (message: string) => void;
  /**
   * Called once if a part the stack started (DynamoDB Local, the OpenID provider) stops on its
   * own: every request would fail from then on, so `npm start` says so and stops.
   */
  onPartExited?: (description: string) => void;
}

export interface LocalStack {
  webUrl: string;
  dynamoEndpoint: string;
  /** The DynamoDB Local (java) process id. */
  dynamoDbPid?: number;
  tableName: string;
  /** The demo practitioner's certificate code (CIT-…), issued at start-up. */
  demoCertificateCode: string;
  identityProvider: LocalIdentityProvider;
  /** The environment the functions run with, as Lambda would give them theirs. */
  functionEnv: NodeJS.ProcessEnv;
  apps: {
    quiz: ReturnType<typeof createQuizApp>;
    accounts: ReturnType<typeof createAccountsApp>;
    certification: ReturnType<typeof createCertificationApp>;
    verification: ReturnType<typeof createVerificationApp>;
  };
  stop: () => Promise<void>;
}

/**
 * The whole platform on this machine: DynamoDB Local with the table and demo data, the local
 * OpenID provider with the demo accounts, and the Lambda apps and built site behind one origin.
 * Everything started is stopped by stop(), also when start-up fails half-way.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const step = options.onStep ?? (() => undefined);
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne().catch(() => undefined);
  };
  try {
    const port = options.port || (await freePort());
    const idpPort = options.identityProviderPort || (await freePort());
    await assertPortFree(port, 'PORT');
    await assertPortFree(idpPort, 'IDP_PORT');
    const webUrl = `http://127.0.0.1:${port}`;

    step(`starting DynamoDB Local${options.dynamoDbPort ? ` on port ${options.dynamoDbPort}` : ''}…`);
    const dynamo = await startDynamoDbLocal(options.dynamoDbPort || (await freePort()));
    stops.push(dynamo.stop);
    dynamo.onUnexpectedExit((description) => options.onPartExited?.(description));
    step(`creating table ${options.tableName}…`);
    await ensureTable(dynamo.client, options.tableName);

    step(`starting the local OpenID provider on port ${idpPort}…`);
    const identityProvider = await startIdentityProvider({ port: idpPort, webOrigin: webUrl, onInvitation: options.onInvitation });
    stops.push(identityProvider.stop);
    identityProvider.onUnexpectedExit((description) => options.onPartExited?.(description));

    step('seeding demo organisations and accounts…');
    const documentClient = createDocumentClient({ tableName: options.tableName, endpoint: dynamo.endpoint });
    await seedDemoData(new DynamoPeopleStore(documentClient, options.tableName), identityProvider.accounts);

    const functionEnv: NodeJS.ProcessEnv = {
      TABLE_NAME: options.tableName,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      AWS_REGION: 'us-east-1',
      AUTH_ISSUER: identityProvider.issuer,
      AUTH_AUDIENCE: identityProvider.clientId,
      AUTH_JWKS: JSON.stringify(identityProvider.publicJwks),
      LOCAL_IDP_ADMIN_URL: identityProvider.issuer,
      LOCAL_IDP_ADMIN_SECRET: identityProvider.adminSecret,
    };
    const quizDeps = quizDepsFromEnv(functionEnv);
    const certificationDeps = certificationDepsFromEnv(functionEnv);
    step('certifying the demo practitioner (quizzes passed, procedures observed)…');
    const demoCertificateCode = await seedCertifiedPractitioner(quizDeps, certificationDeps);
    const apps = {
      quiz: createQuizApp(quizDeps),
      accounts: createAccountsApp(accountsDepsFromEnv(functionEnv)),
      certification: createCertificationApp(certificationDeps),
      verification: createVerificationApp(verificationDepsFromEnv(functionEnv)),
    };
    const origin = createLocalOrigin({
      functions: apps,
      siteDir: SITE_BUILD_DIR,
      origin: webUrl,
      webConfig: { issuer: identityProvider.issuer, clientId: identityProvider.clientId, userApi: `${identityProvider.issuer}/` },
    });
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const started = serve({ fetch: origin.fetch, port, hostname: '127.0.0.1' }, () => resolve(started));
    });
    answerClientErrorsWithProblems(server as Server);
    stops.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    if ((server.address() as AddressInfo).port !== port) throw new Error('the local origin did not bind its port');

    return {
      webUrl,
      dynamoEndpoint: dynamo.endpoint,
      dynamoDbPid: dynamo.pid,
      tableName: options.tableName,
      demoCertificateCode,
      identityProvider,
      functionEnv,
      apps,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
