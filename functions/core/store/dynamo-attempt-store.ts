import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { StorageUnavailable } from '../errors';
import type { AttemptStore } from '../quiz/ports';
import type { AttemptLedger, AttemptRecord, OpenAttemptClaim, Submission, SubmitOutcome } from '../quiz/types';
import { attemptFromItem, attemptItem, encodeSubmission } from './attempt-item';
import { encodeServedToken } from '../quiz/served-token';
import { DynamoAttemptReader } from './dynamo-attempt-reader';
import { keys } from './keys';
import { byIndex } from './query-all';

const LEDGER_FIELDS = ['userSub', 'moduleId', 'lastAttemptId', 'issuedInWindow', 'passedAt', 'revision'] as const;

/** Attempts and their ledgers for the quiz: issuing, submitting, reading one, and (from the reader) listing a trainee's. */
export class DynamoAttemptStore extends DynamoAttemptReader implements AttemptStore {
  constructor(
    protected readonly client: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {
    super(client, tableName);
  }

  private async getItem(key: Record<string, string>): Promise<Record<string, unknown> | undefined> {
    try {
      return (await this.client.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }))).Item;
    } catch (error) {
      throw new StorageUnavailable({ cause: error });
    }
  }

  async ledger(userSub: string, moduleId: string): Promise<AttemptLedger | undefined> {
    const item = await this.getItem(keys.attemptLedger(userSub, moduleId));
    return (
      item &&
      (Object.fromEntries(
        LEDGER_FIELDS.filter((field) => item[field] !== undefined).map((field) => [field, item[field]]),
      ) as unknown as AttemptLedger)
    );
  }

  async startAttempt(record: AttemptRecord, ledger: AttemptLedger, readRevision: number): Promise<boolean> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.attemptLedger(ledger.userSub, ledger.moduleId), type: 'AttemptLedger', ...ledger },
                // Unchanged since it was read: a request that raced this one and won has bumped it.
                ...(readRevision === 0
                  ? { ConditionExpression: 'attribute_not_exists(pk)' }
                  : { ConditionExpression: 'revision = :read', ExpressionAttributeValues: { ':read': readRevision } }),
              },
            },
            { Put: { TableName: this.tableName, Item: attemptItem(record), ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
      return true;
    } catch (error) {
      // The ledger changed since it was read, or another start request is writing it right now
      // (DynamoDB cancels one of two transactions on the same item): either way, read again.
      const codes = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []).map((reason) => reason.Code) : [];
      if (codes[0] === 'ConditionalCheckFailed' || codes.includes('TransactionConflict')) return false;
      throw new StorageUnavailable({ cause: error });
    }
  }

  async get(attemptId: string): Promise<AttemptRecord | undefined> {
    let found: Record<string, unknown> | undefined;
    try {
      // By id alone (a reviewer does not know whose it is): the keys-only index names the item.
      [found] = (await this.client.send(new QueryCommand(byIndex(this.tableName, 'gsi3', keys.attemptById(attemptId).gsi3pk)))).Items ?? [];
    } catch (error) {
      throw new StorageUnavailable({ cause: error });
    }
    if (!found) return undefined;
    const item = await this.getItem({ pk: String(found.pk), sk: String(found.sk) });
    return item ? attemptFromItem(item) : undefined;
  }

  async getOwn(userSub: string, attemptId: string): Promise<AttemptRecord | undefined> {
    const item = await this.getItem(keys.attempt(userSub, attemptId));
    return item ? attemptFromItem(item) : undefined;
  }

  async recordSubmission(attemptId: string, claim: OpenAttemptClaim, submission: Submission): Promise<SubmitOutcome> {
    try {
      // No read first: the condition checks everything the submission relies on, and a refusal
      // hands back the stored item (ALL_OLD, which costs no read capacity) to say why.
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          // The key is the trainee's own partition: someone else's attempt id finds nothing there.
          Key: keys.attempt(claim.userSub, attemptId),
          UpdateExpression: 'SET #submission = :submission',
          // A missing item has no draw, so the equality also says it exists.
          ConditionExpression: 'attribute_not_exists(#submission) AND draw = :draw AND expiresAt > :at',
          ExpressionAttributeNames: { '#submission': 'submission' },
          ExpressionAttributeValues: { ':submission': encodeSubmission(submission), ':draw': encodeServedToken(claim), ':at': claim.at },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { recorded: true };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        return { recorded: false, existing: error.Item ? attemptFromItem(unmarshall(error.Item)) : undefined };
      throw new StorageUnavailable({ cause: error });
    }
  }
}
