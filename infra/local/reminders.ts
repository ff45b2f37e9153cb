/**
 * Expiry reminders on this machine: the same use case and wiring as the Lambda
 * (functions/reminders), with the local provider's outbox as the mail service. `npm start` runs it
 * at start and then on a timer; `npm run reminders` runs it once against the running stack.
 */
import { formatCertificateCode } from '../../functions/core/certification/certificate-code';
import { longDate } from '../../functions/core/long-date';
import { tierName } from '../../functions/core/reminders/tiers';
import type { RunReport } from '../../functions/core/reminders/types';
import { sendDueReminders, type ReminderProgress } from '../../functions/core/reminders/use-cases';
import { remindersDepsFromEnv } from '../../functions/reminders/deps-from-env';

const ROLE = { holder: 'holder', supervisor: 'supervisor', 'clinic-admin': 'clinic admin' } as const;

/** One line for the terminal per thing the run did. */
export function progressLine(event: ReminderProgress): string | undefined {
  switch (event.kind) {
    case 'found':
      return undefined;
    case 'dropped':
      return `  certificate ${formatCertificateCode(event.code)} is ${event.status}: taken out of the reminders, nothing sent`;
    case 'skipped':
      return `  skipped one (${event.reason})`;
    case 'reminder': {
      const { outcome } = event;
      const each = outcome.recipients.map(
        (recipient) =>
          `    ${recipient.status === 'sent' ? '✓' : recipient.status === 'pending' ? '…' : '✗'} ${recipient.name} <${recipient.email}> ` +
          `(${ROLE[recipient.role]})${recipient.status === 'sent' ? '' : `: ${recipient.status}${recipient.lastError ? `, ${recipient.lastError}` : ''}`}`,
      );
      return [
        `✉ ${tierName(outcome.tier)} reminder for ${outcome.holderName}'s certificate ${formatCertificateCode(outcome.code)} ` +
          `(expires ${longDate(outcome.expiresAt)}): ${outcome.status}`,
        ...each,
      ].join('\n');
    }
  }
}

export const summaryLine = (report: RunReport) =>
  `${report.due} due, ${report.claimed} claimed, ${report.sent} sent, ${report.failed} failed, ${report.skipped} skipped, ` +
  `${report.dropped} dropped, ${report.cancelled} cancelled, ${report.deferred} deferred` +
  (report.error ? `; stopped: ${report.error}` : '');

/** Runs the reminder job once against the local stack whose function environment is `env` (with SITE_URL). */
export function runLocalReminders(
  env: NodeJS.ProcessEnv,
  print: (line: string) => void = () => undefined,
  now = new Date(),
): Promise<RunReport> {
  return sendDueReminders(remindersDepsFromEnv(env), now, {
    onProgress: (event) => {
      const line = progressLine(event);
      if (line) print(line);
    },
  });
}

/**
 * Runs the job now and then every `intervalMs`, never two at once, as EventBridge Scheduler runs
 * it in AWS (daily there; often here, so a newcomer sees it work).
 */
export function startReminderTimer(env: NodeJS.ProcessEnv, intervalMs: number, print: (line: string) => void) {
  let running: Promise<void> | undefined;
  const runOnce = () => {
    running ??= runLocalReminders(env, print)
      .then((report) => print(`▸ expiry reminders: ${summaryLine(report)}`))
      .catch((error: unknown) => print(`⚠ expiry reminders failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (running = undefined));
    return running;
  };
  const timer = setInterval(() => void runOnce(), intervalMs);
  timer.unref();
  return {
    /** The first run, started at once. */
    first: runOnce(),
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
