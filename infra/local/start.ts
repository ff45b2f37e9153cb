/**
 * `npm start`: the whole platform on this machine (see stack.ts), with fixed ports, URLs and demo
 * accounts printed, and a clean stop on Ctrl-C.
 */
import { DEMO_PASSWORD, demoPeople } from './demo-data';
import { removeNpmStartState, writeNpmStartState } from './npm-start-state';
import { PreflightError } from './preflight';
import { startReminderTimer } from './reminders';
import { startLocalStack, type LocalStack } from './stack';

const step = (message: string) => console.log(`▸ ${message}`);
/** How often the expiry reminder job runs here (daily in AWS): `REMINDERS_INTERVAL_MINUTES`, hourly by default. */
const REMINDER_INTERVAL_MS = Number(process.env.REMINDERS_INTERVAL_MINUTES ?? 60) * 60_000;
let stack: LocalStack | undefined;
let reminders: ReturnType<typeof startReminderTimer> | undefined;
let stopping = false;

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  step('stopping…');
  removeNpmStartState();
  await reminders?.stop();
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
  const env = { ...(stack.functionEnv as Record<string, string>), SITE_URL: stack.webUrl };
  writeNpmStartState({ pid: process.pid, webUrl: stack.webUrl, env });
  step(`running the expiry reminder job (then every ${REMINDER_INTERVAL_MS / 60_000} minutes; \`npm run reminders\` runs it now)…`);
  reminders = startReminderTimer(env, REMINDER_INTERVAL_MS, (line) => console.log(line));
  await reminders.first;
  const accounts = Object.values(demoPeople)
    .map((person) => `    ${person.role.padEnd(15)} ${person.email}`)
    .join('\n');
  console.log(`
CIT Academy is running locally
  Web app:      ${stack.webUrl}/
  API (spec):   ${stack.webUrl}/api/openapi.json
  Sign-in:      ${stack.identityProvider.issuer} (local OpenID provider)
  Outbox:       ${stack.identityProvider.issuer}/outbox (invitations and emails)
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
