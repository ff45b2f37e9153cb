import { ConditionalCheckFailedException, TransactionCanceledException, TransactionConflictException } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import {
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { CertificateRecord } from '../certification/types';
import { StorageUnavailable } from '../errors';
import type { ClaimOutcome, DueEntry, ReminderSchedule, ReminderStore, StoredDelivery } from '../reminders/ports';
import { daysToExpiry } from '../reminders/tiers';
import type { RecipientDelivery, ReminderDelivery, ReminderHistoryEvent } from '../reminders/types';
import { toCertificate } from './certificate-item';
import { keys } from './keys';
import { reminderKeys } from './reminder-index';
import { byPrefix, queryAll } from './query-all';

const DELIVERY_FIELDS = [
  'traineeSub',
  'code',
  'tier',
  'holderName',
  'supervisorName',
  'expiresAt',
  'dueAt',
  'claimedAt',
  'passedOver',
  'recipients',
  'attempts',
  'status',
  'completedAt',
] as const;

const toDelivery = (item: Record<string, unknown>) =>
  Object.fromEntries(
    DELIVERY_FIELDS.filter((field) => item[field] !== undefined).map((field) => [field, item[field]]),
  ) as unknown as ReminderDelivery;

/** `<ISO time>#<sub>` → the time. */
const dueAtOf = (sortKey: string) => sortKey.slice(0, sortKey.indexOf('#'));

/** A due entry from its keys (the index holds keys only): the certificate, or which delivery. */
function dueEntry(item: Record<string, unknown>): DueEntry | undefined {
  const traineeSub = String(item.pk).replace(/^USER#/, '');
  const sk = String(item.sk);
  if (sk === keys.traineeCertificate(traineeSub).sk) return { kind: 'certificate', traineeSub };
  const delivery = /^REMINDER#([^#]+)#(\d+)$/.exec(sk);
  return delivery ? { kind: 'delivery', traineeSub, code: delivery[1], tier: Number(delivery[2]) } : undefined;
}

/**
 * The reminder index and the deliveries. Every change to an index entry is conditional on the
 * value read (`gsi4sk`, passed around as the schedule's token or a delivery's lease), so of two
 * runs acting on the same entry exactly one succeeds; the other is told and moves on.
 */
export class DynamoReminderStore implements ReminderStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private async get(key: Record<string, string>): Promise<Record<string, unknown> | undefined> {
    try {
      return (await this.client.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }))).Item;
    } catch (error) {
      throw new StorageUnavailable({ cause: error });
    }
  }

  /**
   * A conditional update: false when its condition failed, or when another run's transaction on
   * the item was under way (DynamoDB refuses the write then): either way someone else acted first.
   */
  private async update(input: Omit<UpdateCommandInput, 'TableName'>): Promise<boolean> {
    try {
      await this.client.send(new UpdateCommand({ TableName: this.tableName, ...input }));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException || error instanceof TransactionConflictException) return false;
      throw new StorageUnavailable({ cause: error });
    }
  }

  /** How the schedule moves on: to the next tier's due time, or out of the index. */
  private scheduleUpdate(traineeSub: string, next?: { dueAt: string }) {
    return next
      ? { UpdateExpression: 'SET gsi4sk = :next', values: { ':next': reminderKeys.entry(next.dueAt, traineeSub).gsi4sk } }
      : { UpdateExpression: 'REMOVE gsi4pk, gsi4sk', values: {} };
  }

  async listDue(now: Date): Promise<DueEntry[]> {
    // Sort keys are `<ISO time>#<sub>`: everything due at or before `now` sorts below the next millisecond.
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: 'gsi4',
      KeyConditionExpression: 'gsi4pk = :reminders AND gsi4sk < :after',
      ExpressionAttributeValues: { ':reminders': reminderKeys.due, ':after': new Date(now.getTime() + 1).toISOString() },
    });
    return items.map(dueEntry).filter((entry): entry is DueEntry => entry !== undefined);
  }

  async scheduledCertificate(traineeSub: string) {
    const item = await this.get(keys.traineeCertificate(traineeSub));
    if (!item) return undefined;
    const certificate = toCertificate(item);
    const token = typeof item.gsi4sk === 'string' ? item.gsi4sk : undefined;
    const schedule: ReminderSchedule | undefined = token
      ? { token, dueAt: dueAtOf(token), tier: daysToExpiry(certificate.expiresAt, new Date(dueAtOf(token))) }
      : undefined;
    return { certificate, ...(schedule ? { schedule } : {}) };
  }

  advance(traineeSub: string, token: string, next?: { tier: number; dueAt: string }): Promise<boolean> {
    const { UpdateExpression, values } = this.scheduleUpdate(traineeSub, next);
    return this.update({
      Key: keys.traineeCertificate(traineeSub),
      UpdateExpression,
      ConditionExpression: 'gsi4sk = :token',
      ExpressionAttributeValues: { ...values, ':token': token },
    });
  }

  async claim({
    certificate,
    token,
    next,
    delivery,
    leaseUntil,
  }: {
    certificate: CertificateRecord;
    token: string;
    next?: { tier: number; dueAt: string };
    delivery: ReminderDelivery;
    leaseUntil: string;
  }): Promise<ClaimOutcome> {
    const { UpdateExpression, values } = this.scheduleUpdate(certificate.traineeSub, next);
    const lease = reminderKeys.entry(leaseUntil, delivery.traineeSub);
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: keys.traineeCertificate(certificate.traineeSub),
                UpdateExpression,
                // The schedule as read, on the certificate as read, still active.
                ConditionExpression: 'gsi4sk = :token AND code = :code AND #status = :active',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ...values, ':token': token, ':code': certificate.code, ':active': 'active' },
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...reminderKeys.delivery(delivery.traineeSub, delivery.code, delivery.tier),
                  type: 'ReminderDelivery',
                  ...delivery,
                  ...lease,
                },
                // Once per tier per certificate, whatever the schedule said.
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      );
      return { outcome: 'claimed', lease: lease.gsi4sk };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw new StorageUnavailable({ cause: error });
      const [schedule, claim] = error.CancellationReasons ?? [];
      // A conflict is another run's claim of the same certificate under way: theirs, then.
      if (schedule?.Code === 'ConditionalCheckFailed' || schedule?.Code === 'TransactionConflict') return { outcome: 'schedule-changed' };
      if (claim?.Code === 'ConditionalCheckFailed') return { outcome: 'already-claimed' };
      if (claim?.Code === 'TransactionConflict') return { outcome: 'schedule-changed' };
      throw new StorageUnavailable({ cause: error });
    }
  }

  async delivery(traineeSub: string, code: string, tier: number): Promise<StoredDelivery | undefined> {
    const item = await this.get(reminderKeys.delivery(traineeSub, code, tier));
    if (!item) return undefined;
    const token = typeof item.gsi4sk === 'string' ? item.gsi4sk : undefined;
    return { delivery: toDelivery(item), ...(token ? { token, dueAt: dueAtOf(token) } : {}) };
  }

  async lease(delivery: ReminderDelivery, token: string, until: string): Promise<string | undefined> {
    const lease = reminderKeys.entry(until, delivery.traineeSub).gsi4sk;
    const taken = await this.update({
      Key: reminderKeys.delivery(delivery.traineeSub, delivery.code, delivery.tier),
      UpdateExpression: 'SET gsi4sk = :lease, #attempts = #attempts + :one',
      ConditionExpression: 'gsi4sk = :token',
      ExpressionAttributeNames: { '#attempts': 'attempts' },
      ExpressionAttributeValues: { ':lease': lease, ':token': token, ':one': 1 },
    });
    return taken ? lease : undefined;
  }

  recordRecipient(delivery: ReminderDelivery, lease: string, index: number, recipient: RecipientDelivery): Promise<boolean> {
    if (!Number.isInteger(index) || index < 0) throw new Error(`Not a recipient index: ${index}`);
    return this.update({
      Key: reminderKeys.delivery(delivery.traineeSub, delivery.code, delivery.tier),
      // The list never changes length, so a recipient's index is stable.
      UpdateExpression: `SET recipients[${index}] = :recipient`,
      ConditionExpression: 'gsi4sk = :lease',
      ExpressionAttributeValues: { ':recipient': recipient, ':lease': lease },
    });
  }

  release(delivery: ReminderDelivery, lease: string, retryAt: string): Promise<boolean> {
    return this.update({
      Key: reminderKeys.delivery(delivery.traineeSub, delivery.code, delivery.tier),
      UpdateExpression: 'SET gsi4sk = :retry',
      ConditionExpression: 'gsi4sk = :lease',
      ExpressionAttributeValues: { ':retry': reminderKeys.entry(retryAt, delivery.traineeSub).gsi4sk, ':lease': lease },
    });
  }

  async finish(delivery: ReminderDelivery, lease: string, event?: ReminderHistoryEvent): Promise<boolean> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: reminderKeys.delivery(delivery.traineeSub, delivery.code, delivery.tier),
                // Out of the index: nothing left to send.
                UpdateExpression: 'SET #status = :status, completedAt = :at, recipients = :recipients REMOVE gsi4pk, gsi4sk',
                ConditionExpression: 'gsi4sk = :lease',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: {
                  ':status': delivery.status,
                  ':at': delivery.completedAt,
                  ':recipients': delivery.recipients,
                  ':lease': lease,
                },
              },
            },
            ...(event
              ? [
                  {
                    Put: {
                      TableName: this.tableName,
                      Item: { ...keys.historyEvent(event.traineeSub, event.at, randomUUID()), type: 'HistoryEvent', ...event },
                      ConditionExpression: 'attribute_not_exists(pk)',
                    },
                  },
                ]
              : []),
          ],
        }),
      );
      return true;
    } catch (error) {
      const reason = error instanceof TransactionCanceledException ? error.CancellationReasons?.[0]?.Code : undefined;
      if (reason === 'ConditionalCheckFailed' || reason === 'TransactionConflict') return false;
      throw new StorageUnavailable({ cause: error });
    }
  }

  async listDeliveries(traineeSub: string): Promise<ReminderDelivery[]> {
    return (await queryAll(this.client, byPrefix(this.tableName, reminderKeys.deliveriesOf(traineeSub)))).map(toDelivery);
  }
}
