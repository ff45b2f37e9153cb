import { LocalOutboxMailer } from '../core/mail/local-outbox-mailer';
import { SesMailer } from '../core/mail/ses-mailer';
import type { Mailer } from '../core/reminders/ports';
import type { RemindersDeps } from '../core/reminders/use-cases';
import { createDocumentClient, storeConfigFromEnv } from '../core/store/document-client';
import { DynamoCertificationStore } from '../core/store/dynamo-certification-store';
import { DynamoPeopleStore } from '../core/store/dynamo-people-store';
import { DynamoReminderStore } from '../core/store/dynamo-reminder-store';
import { course } from '../core/course/generated/course';

/** The name the reminders are sent under. */
export const REMINDER_FROM_NAME = 'CIT Academy';

function mailerFromEnv(env: NodeJS.ProcessEnv): Mailer {
  if (env.SES_IDENTITY_ARN && env.REMINDER_FROM_ADDRESS)
    return new SesMailer({ identityArn: env.SES_IDENTITY_ARN, fromAddress: env.REMINDER_FROM_ADDRESS, fromName: REMINDER_FROM_NAME });
  if (env.LOCAL_IDP_ADMIN_URL && env.LOCAL_IDP_ADMIN_SECRET)
    return new LocalOutboxMailer(env.LOCAL_IDP_ADMIN_URL, env.LOCAL_IDP_ADMIN_SECRET);
  throw new Error('Set SES_IDENTITY_ARN and REMINDER_FROM_ADDRESS (AWS) or LOCAL_IDP_ADMIN_URL and LOCAL_IDP_ADMIN_SECRET (local stack)');
}

/** Production wiring, also used by the local stack (`npm start`, `npm run reminders`): only the environment differs. */
export function remindersDepsFromEnv(env: NodeJS.ProcessEnv = process.env): RemindersDeps {
  const config = storeConfigFromEnv(env);
  const client = createDocumentClient(config);
  if (!env.SITE_URL) throw new Error('SITE_URL is not set');
  return {
    reminders: new DynamoReminderStore(client, config.tableName),
    people: new DynamoPeopleStore(client, config.tableName),
    procedures: new DynamoCertificationStore(client, config.tableName),
    mailer: mailerFromEnv(env),
    siteUrl: env.SITE_URL.replace(/\/$/, ''),
    settings: course.certification,
  };
}
