import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { StorageUnavailable } from '../errors';
import type { AttemptRecord, AttemptStore, GradedAnswer, SaveOnceOutcome } from '../quiz/attempt-store';
import { keys } from './keys';
import { byIndex, queryAll } from './query-all';
import { tableSchema } from './table-schema';

export const attemptKey = keys.attempt;

/**
 * Graded answers are kept as `questionId|a,b|1` strings: repeating three attribute names per
 * answer in a list of maps would push an attempt past one 1 KB write unit.
 */
export const encodeAnswer = ({ questionId, selected, correct }: GradedAnswer) => `${questionId}|${selected.join(',')}|${correct ? 1 : 0}`;

export function decodeAnswer(encoded: string): GradedAnswer {
  const [questionId, selected, correct] = encoded.split('|');
  return { questionId, selected: selected ? selected.split(',') : [], correct: correct === '1' };
}

function toItem(record: AttemptRecord) {
  return {
    ...keys.attempt(record.attemptId),
    type: 'Attempt',
    ...record,
    answers: record.answers.map(encodeAnswer),
    gsi1pk: keys.attemptsOf(record.userSub),
    gsi1sk: `${record.submittedAt}#${record.attemptId}`,
  };
}

function toRecord(item: Record<string, unknown>): AttemptRecord {
  const { pk: _pk, sk: _sk, type: _type, gsi1pk: _gsi1pk, gsi1sk: _gsi1sk, answers, ...rest } = item;
  return { ...(rest as Omit<AttemptRecord, 'answers'>), answers: (answers as string[]).map(decodeAnswer) };
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
          Item: toItem(record),
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

  async listByUser(userSub: string): Promise<AttemptRecord[]> {
    return (await queryAll(this.client, byIndex(this.tableName, 'gsi1', keys.attemptsOf(userSub), true))).map(toRecord);
  }
}
