import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { StorageUnavailable } from '../errors';
import type { AttemptRecord, AttemptStore, SaveOnceOutcome } from '../quiz/attempt-store';
import { tableSchema } from './table-schema';

export const attemptKey = (attemptId: string) => ({
  [tableSchema.partitionKey]: `ATTEMPT#${attemptId}`,
  [tableSchema.sortKey]: 'ATTEMPT',
});

function toRecord(item: Record<string, unknown>): AttemptRecord {
  const { attemptId, moduleId, contentVersion, submissionHash, result } = item as unknown as AttemptRecord;
  return { attemptId, moduleId, contentVersion, submissionHash, result };
}

export class DynamoAttemptStore implements AttemptStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async saveOnce(record: AttemptRecord): Promise<SaveOnceOutcome> {
    try {
      // One conditional write: it either creates the attempt or, when the id exists, hands back
      // the stored item (ReturnValuesOnConditionCheckFailure) without a second read.
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...attemptKey(record.attemptId), type: 'Attempt', ...record },
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': tableSchema.partitionKey },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { created: true };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException && error.Item) {
        return { created: false, existing: toRecord(unmarshall(error.Item)) };
      }
      throw new StorageUnavailable({ cause: error });
    }
  }
}
