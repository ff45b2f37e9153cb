import { Duration, TimeZone } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Data, TableAccess } from './data';
import { PlatformFunction } from './platform-function';

/** When the job runs: every morning before clinics open, on UK time (summer time included). */
export const REMINDER_SCHEDULE = { hour: '7', minute: '0', timeZone: TimeZone.EUROPE_LONDON } as const;

/**
 * Exactly what the job does with the table: query the reminder index (gsi4) for what is due and an
 * organisation's members (gsi1), and the holder's observed procedures (their partition); read
 * certificates, people and deliveries by key; claim a tier and finish a delivery in transactions of
 * a put and an update; record each recipient with a conditional update. A test checks every SDK
 * command its bundle sends against these.
 */
export const REMINDER_TABLE_ACCESS: TableAccess = {
  actions: ['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
  indexes: ['gsi4', 'gsi1'],
};

export interface RemindersProps {
  data: Data;
  /** The web app's origin, for the links in the emails. */
  siteUrl: string;
  /** The verified SES identity (domain or address) the reminders are sent from: its ARN. */
  senderIdentityArn: string;
  /** The From address, within that identity. */
  fromAddress: string;
}

/**
 * Certificate expiry reminders: a small function EventBridge Scheduler invokes every morning. It
 * may send email only from the given SES identity and From address. A failed run (an email that
 * failed, storage failing) fails the invocation: Lambda retries it twice, then puts the event on
 * the dead-letter queue, where Scheduler also puts an invocation it could not make; an alarm
 * watches the errors and one the queue.
 */
export class Reminders extends Construct {
  readonly function: PlatformFunction;
  readonly schedule: Schedule;
  readonly deadLetters: Queue;
  readonly failedRunAlarm: Alarm;
  readonly deadLetterAlarm: Alarm;

  constructor(scope: Construct, id: string, props: RemindersProps) {
    super(scope, id);
    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });

    this.function = new PlatformFunction(this, 'Function', {
      name: 'reminders',
      description: 'Expiry reminders: sends the reminders that are due (90, 30 and 7 days before expiry, and on the day)',
      // Waiting on DynamoDB and SES, not computing: the smallest size that starts fast.
      memorySize: 256,
      // A run stops taking work 30 s before this (functions/reminders/run.ts), well inside the 15-minute lease it holds.
      timeout: Duration.minutes(5),
      environment: {
        SITE_URL: props.siteUrl,
        SES_IDENTITY_ARN: props.senderIdentityArn,
        REMINDER_FROM_ADDRESS: props.fromAddress,
      },
    });
    props.data.bindTable(this.function, REMINDER_TABLE_ACCESS);
    this.function.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['ses:SendEmail'],
        resources: [props.senderIdentityArn],
        conditions: { StringEquals: { 'ses:FromAddress': props.fromAddress } },
      }),
    );
    // Each retry finds only what is still due (failed emails are due again at once), so it resends nothing.
    this.function.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(this.deadLetters),
    });

    this.schedule = new Schedule(this, 'Daily', {
      description: 'Runs the certificate expiry reminders every morning',
      schedule: ScheduleExpression.cron(REMINDER_SCHEDULE),
      target: new LambdaInvoke(this.function, {
        input: ScheduleTargetInput.fromObject({ job: 'expiry-reminders' }),
        // Retries of the invocation itself (throttled, Lambda unavailable); the run's own failures are retried by Lambda above.
        retryAttempts: 3,
        maxEventAge: Duration.hours(6),
        deadLetterQueue: this.deadLetters,
      }),
    });

    this.failedRunAlarm = new Alarm(this, 'RunFailed', {
      alarmDescription: 'An expiry reminder run failed (an email failed or storage was unavailable): see its JSON log line.',
      metric: this.function.metricErrors({ period: Duration.hours(1) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.deadLetterAlarm = new Alarm(this, 'RunsDeadLettered', {
      alarmDescription: 'An expiry reminder run failed after its retries, or could not be invoked: the event is on the dead-letter queue.',
      metric: this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
