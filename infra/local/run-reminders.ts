/**
 * `npm run reminders`: runs the expiry reminder job once, now, against the running `npm start`
 * (its DynamoDB Local and outbox), printing what it does. `-- --at 2027-03-01` runs it as if it
 * were that day, to see the later reminders. Says so, and exits 1, when npm start is not running.
 */
import { relative } from 'node:path';
import { isRunning, npmStateFile, readNpmStartState } from './npm-start-state';
import { runLocalReminders, summaryLine } from './reminders';

const fail = (message: string): never => {
  console.error(`✖ ${message}`);
  process.exit(1);
};

const atIndex = process.argv.indexOf('--at');
const at = atIndex >= 0 ? new Date(process.argv[atIndex + 1] ?? '') : new Date();
if (Number.isNaN(at.getTime())) fail('--at needs a date or time, e.g. --at 2027-03-01');

const file = npmStateFile();
const state = readNpmStartState(file);
const start = 'Start it in another terminal with `npm start`, then run `npm run reminders` again.';
if (!state) fail(`npm start is not running (no ${relative(process.cwd(), file)}). ${start}`);
if (!isRunning(state!.pid)) fail(`npm start is not running (its process ${state!.pid} has stopped). ${start}`);
const outbox = `${state!.env.LOCAL_IDP_ADMIN_URL}/outbox`;
try {
  await fetch(`${state!.env.LOCAL_IDP_ADMIN_URL}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(2_000) });
} catch {
  fail(`npm start (pid ${state!.pid}) is not answering at ${state!.env.LOCAL_IDP_ADMIN_URL}. ${start}`);
}

console.log(`▸ expiry reminders: running once against npm start (pid ${state!.pid}), as at ${at.toISOString()}…`);
const report = await runLocalReminders(state!.env, (line) => console.log(line), at);
console.log(`▸ expiry reminders: ${summaryLine(report)}`);
console.log(`  Outbox: ${outbox}`);
process.exit(report.error || report.failed ? 1 : 0);
