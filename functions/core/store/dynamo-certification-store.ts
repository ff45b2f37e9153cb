import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { HistoryEvent } from '../certification/history';
import type { CertificationStore } from '../certification/ports';
import type { Acknowledgement, CertificateRecord, ObservedProcedureRecord } from '../certification/types';
import { StorageUnavailable } from '../errors';
import type { Claimed, IdempotencyClaim } from '../idempotency';
import { claimPut, earlierClaim } from './idempotency-item';
import { readCertificate, toCertificate } from './certificate-item';
import { keys } from './keys';
import { reminderIndexAttributes } from './reminder-index';
import { byIndex, byPrefix, queryAll } from './query-all';

const PROCEDURE_FIELDS = [
  'procedureId',
  'traineeSub',
  'assessorSub',
  'assessorName',
  'observedOn',
  'procedure',
  'areaId',
  'depthMm',
  'complexity',
  'ratings',
  'entrustment',
  'satisfactory',
  'minutesObserved',
  'minutesFeedback',
  'doneWell',
  'learningAction',
  'recordedAt',
] as const;

const toObservedProcedure = (item: Record<string, unknown>) =>
  Object.fromEntries(PROCEDURE_FIELDS.map((field) => [field, item[field]])) as unknown as ObservedProcedureRecord;

/** How often a transaction that DynamoDB cancelled for a concurrent one on the same items is tried again. */
const CONFLICT_ATTEMPTS = 6;
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, (10 + Math.random() * 40) * 2 ** attempt));

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/**
 * Observed procedures and certificates. A certificate is kept twice, written and revoked together
 * in one transaction: in the trainee's partition (whose existence makes issuing exactly-once) and
 * under its code, for public verification. Every write appends its history event in the same
 * transaction.
 */
export class DynamoCertificationStore implements CertificationStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** A Put of a new item: refused if the key exists, so nothing is ever overwritten by it. */
  private putNew(key: Record<string, string>, type: string, fields: object): TransactItem {
    return { Put: { TableName: this.tableName, Item: { ...key, type, ...fields }, ConditionExpression: 'attribute_not_exists(pk)' } };
  }

  /** The event appended to the trainee's history, under a fresh key. */
  private history(event: HistoryEvent): TransactItem {
    return this.putNew(keys.historyEvent(event.traineeSub, event.at, randomUUID()), 'HistoryEvent', event);
  }

  /**
   * The trainee's copy of a certificate, also filed in their organisation's roster and, while
   * active, in the reminder index (its next expiry reminder); the public copy is filed nowhere.
   */
  private traineeCopyKey(record: CertificateRecord) {
    return {
      ...keys.traineeCertificate(record.traineeSub),
      ...(record.orgId ? keys.rosterCertificate(record.orgId, record.holderName, record.traineeSub) : {}),
      ...reminderIndexAttributes(record),
    };
  }

  /**
   * Writes all items or none. False when the first item's condition failed (the state the change
   * was decided on is gone). DynamoDB cancels a transaction that meets a concurrent one on the same
   * items (TransactionConflict) without deciding anything: that one is tried again, a few times,
   * and its conditions then decide. Any other failure is the store's.
   */
  private async transact(items: TransactItem[]): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.client.send(new TransactWriteCommand({ TransactItems: items }));
        return true;
      } catch (error) {
        const codes = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []).map((reason) => reason.Code) : [];
        if (codes[0] === 'ConditionalCheckFailed') return false;
        const conflicted = codes.includes('TransactionConflict') && !codes.includes('ConditionalCheckFailed');
        if (!conflicted || attempt === CONFLICT_ATTEMPTS) throw new StorageUnavailable({ cause: error });
        await pause(attempt);
      }
    }
  }

  async addObservedProcedure(
    record: ObservedProcedureRecord,
    event: HistoryEvent,
    claim?: IdempotencyClaim,
  ): Promise<Claimed<ObservedProcedureRecord>> {
    const key = keys.observedProcedure(record.traineeSub, record.recordedAt, record.procedureId);
    // The claim goes first: its condition failing is what `transact` reports as false.
    const items = [
      ...(claim ? [claimPut(this.tableName, claim, key)] : []),
      this.putNew(key, 'ObservedProcedure', record),
      this.history(event),
    ];
    if (await this.transact(items)) return { outcome: 'created', value: record };
    // Ids are fresh UUIDs: without a claim, a refusal means a bug upstream, not a client error.
    if (!claim) throw new Error(`Refusing to overwrite observed procedure ${record.procedureId}`);
    const earlier = await earlierClaim(this.client, this.tableName, claim);
    if (!earlier || earlier.fingerprint !== claim.fingerprint) return { outcome: 'key-reused' };
    const { Item } = await this.client
      .send(new GetCommand({ TableName: this.tableName, Key: earlier.made, ConsistentRead: true }))
      .catch((error: unknown) => {
        throw new StorageUnavailable({ cause: error });
      });
    if (!Item) throw new Error(`Idempotency claim ${claim.key} names an observed procedure that does not exist`);
    return { outcome: 'replayed', value: toObservedProcedure(Item) };
  }

  async listHistory(traineeSub: string): Promise<HistoryEvent[]> {
    const items = await queryAll(this.client, byPrefix(this.tableName, keys.historyOf(traineeSub), true));
    return items.map(
      ({ traineeSub, at, action, actor, code, previousCode, summary }) =>
        ({ traineeSub, at, action, actor, ...(code ? { code } : {}), ...(previousCode ? { previousCode } : {}), summary }) as HistoryEvent,
    );
  }

  async acknowledgeFeedback(procedure: ObservedProcedureRecord, acknowledgement: Acknowledgement, event: HistoryEvent): Promise<boolean> {
    const key = keys.feedbackAcknowledgement(procedure.traineeSub, procedure.recordedAt, procedure.procedureId);
    return this.transact([
      this.putNew(key, 'FeedbackAcknowledgement', { procedureId: procedure.procedureId, ...acknowledgement }),
      this.history(event),
    ]);
  }

  async listObservedProcedures(traineeSub: string): Promise<ObservedProcedureRecord[]> {
    // The supervisor issuing a certificate must count the observation recorded a moment ago. An
    // acknowledgement sorts right after its procedure (…#id#ACK), so one query reads both.
    const items = await queryAll(this.client, byPrefix(this.tableName, keys.observedProceduresOf(traineeSub), true));
    const acknowledgements = new Map(
      items
        .filter((item) => item.type === 'FeedbackAcknowledgement')
        .map(({ procedureId, at, comment }) => [procedureId as string, { at, ...(comment ? { comment } : {}) } as Acknowledgement]),
    );
    return items
      .filter((item) => item.type === 'ObservedProcedure')
      .map(toObservedProcedure)
      .map((record) => {
        const acknowledgement = acknowledgements.get(record.procedureId);
        return acknowledgement ? { ...record, acknowledgement } : record;
      });
  }

  traineeCertificate(traineeSub: string): Promise<CertificateRecord | undefined> {
    return readCertificate(this.client, this.tableName, keys.traineeCertificate(traineeSub));
  }

  issueOnce(record: CertificateRecord, event: HistoryEvent, replacing?: CertificateRecord): Promise<boolean> {
    // False when the trainee already holds one (or, after a revocation, no longer holds exactly that
    // revoked one). A clash of two random 60-bit codes would fail the second condition instead, and
    // surfaces as an error rather than overwrite someone's certificate.
    const traineeCopy: TransactItem = replacing
      ? {
          Put: {
            TableName: this.tableName,
            Item: { ...this.traineeCopyKey(record), type: 'Certificate', ...record },
            ConditionExpression: 'code = :revoked AND #status = :state',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':revoked': replacing.code, ':state': 'revoked' },
          },
        }
      : this.putNew(this.traineeCopyKey(record), 'Certificate', record);
    return this.transact([traineeCopy, this.putNew(keys.publicCertificate(record.code), 'Certificate', record), this.history(event)]);
  }

  renewOnce(current: CertificateRecord, renewal: CertificateRecord, at: string, event: HistoryEvent): Promise<boolean> {
    const names = { '#status': 'status' };
    return this.transact([
      {
        Put: {
          TableName: this.tableName,
          Item: { ...this.traineeCopyKey(renewal), type: 'Certificate', ...renewal },
          // Still the certificate this renewal was decided on, and still active.
          ConditionExpression: 'code = :current AND #status = :active',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':current': current.code, ':active': 'active' },
        },
      },
      this.putNew(keys.publicCertificate(renewal.code), 'Certificate', renewal),
      {
        Update: {
          TableName: this.tableName,
          Key: keys.publicCertificate(current.code),
          UpdateExpression: 'SET #status = :superseded, supersededBy = :next, supersededAt = :at',
          ConditionExpression: '#status = :active',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':superseded': 'superseded', ':next': renewal.code, ':at': at, ':active': 'active' },
        },
      },
      this.history(event),
    ]);
  }

  async organisationCertificates(orgId: string): Promise<CertificateRecord[]> {
    const { gsi1pk, skPrefix } = keys.rosterCertificates(orgId);
    return (await queryAll(this.client, byIndex(this.tableName, 'gsi1', gsi1pk, skPrefix))).map(toCertificate);
  }

  changeState(current: CertificateRecord, next: CertificateRecord, event: HistoryEvent): Promise<boolean> {
    // Whole items, so nothing of the old state lingers (a reinstated certificate keeps no suspension).
    return this.transact([
      {
        Put: {
          TableName: this.tableName,
          Item: { ...this.traineeCopyKey(next), type: 'Certificate', ...next },
          // Still this certificate, in the state the change was decided on.
          ConditionExpression: 'code = :code AND #status = :state',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':code': current.code, ':state': current.status },
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: { ...keys.publicCertificate(next.code), type: 'Certificate', ...next },
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
      this.history(event),
    ]);
  }
}
