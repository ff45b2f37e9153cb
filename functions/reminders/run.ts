import { sendDueReminders, type RemindersDeps } from '../core/reminders/use-cases';
import type { RunReport } from '../core/reminders/types';

/** Time kept back from the function's timeout: enough to finish the delivery in hand and log. */
export const RUN_SAFETY_MARGIN_MS = 30_000;

/** One run failed: its log line says what, and failing the invocation lets Lambda retry it and the alarm fire. */
export class ReminderRunFailed extends Error {
  readonly name = 'ReminderRunFailed';
}

/** The run's one structured log line: counts, and each failure by certificate, tier and recipient (no addresses). */
export function runLogLine(report: RunReport) {
  const { reminders: _reminders, ...counts } = report;
  const failed = report.failed > 0 || report.error !== undefined;
  return { level: failed ? 'ERROR' : 'INFO', message: 'expiry reminder run', ...counts };
}

/**
 * A scheduled run: sends what is due, logs one JSON line, and throws if anything failed (an email
 * refused or to be retried, or storage failing), so the invocation is retried and alarmed on.
 */
export async function scheduledRun(deps: RemindersDeps, now: Date, remainingTimeMs?: number): Promise<Omit<RunReport, 'reminders'>> {
  const deadline = remainingTimeMs === undefined ? undefined : Date.now() + remainingTimeMs - RUN_SAFETY_MARGIN_MS;
  const report = await sendDueReminders(deps, now, { deadline });
  const line = runLogLine(report);
  console.log(JSON.stringify(line));
  if (line.level === 'ERROR') {
    throw new ReminderRunFailed(
      report.error ? `Reminder run stopped: ${report.error}` : `${report.failed} reminder email(s) failed; see the run's log line`,
    );
  }
  const { level: _level, message: _message, ...counts } = line;
  return counts;
}
