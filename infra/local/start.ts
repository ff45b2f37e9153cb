/**
 * `npm start`: the whole platform on this machine (see stack.ts), with fixed ports, URLs and demo
 * accounts printed, and a clean stop on Ctrl-C.
 */
import { DEMO_PASSWORD, demoPeople } from './demo-data';
import { PreflightError } from './preflight';
import { startLocalStack, type LocalStack } from './stack';

const step = (message: string) => console.log(`▸ ${message}`);
let stack: LocalStack | undefined;
let stopping = false;

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  step('stopping…');
  await stack?.stop();
  step('stopped');
  process.exit(code);
}

process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());

try {
  stack = await startLocalStack({
    port: Number(process.env.PORT ?? 3000),
    dynamoDbPort: Number(process.env.DYNAMODB_PORT ?? 8000),
    identityProviderPort: Number(process.env.IDP_PORT ?? 3001),
    tableName: process.env.TABLE_NAME ?? 'cit-platform-local',
    onStep: step,
    onInvitation: (message) => console.log(message),
    onPartExited: (description) => {
      console.error(`✖ ${description}; stopping (nothing would work without it).`);
      void shutdown(1);
    },
  });
  const accounts = Object.values(demoPeople)
    .map((person) => `    ${person.role.padEnd(15)} ${person.email}`)
    .join('\n');
  console.log(`
CIT Academy is running locally
  Web app:      ${stack.webUrl}/
  API (spec):   ${stack.webUrl}/api/openapi.json
  Sign-in:      ${stack.identityProvider.issuer} (local OpenID provider)
  Outbox:       ${stack.identityProvider.issuer}/outbox (invitations)
  DynamoDB:     ${stack.dynamoEndpoint} (table ${stack.tableName}, DynamoDB Local pid ${stack.dynamoDbPid})
  Demo accounts (password ${DEMO_PASSWORD}):
${accounts}
  Demo certificate: ${stack.demoCertificateCode} (${demoPeople.certified.name})
    verify it at ${stack.webUrl}/verify?code=${stack.demoCertificateCode}
Press Ctrl-C to stop.`);
} catch (error) {
  console.error(error instanceof PreflightError ? `✖ ${error.message}` : error);
  await shutdown(1);
}
