import type { Context } from 'aws-lambda';
import { remindersDepsFromEnv } from './deps-from-env';
import { scheduledRun } from './run';

const deps = remindersDepsFromEnv();

/** EventBridge Scheduler invokes this daily (infra/reminders.ts); its event carries nothing the run needs. */
export const handler = (_event: unknown, context: Pick<Context, 'getRemainingTimeInMillis'>) =>
  scheduledRun(deps, new Date(), context.getRemainingTimeInMillis());
