import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../functions/core/store/document-client';
import { DynamoAttemptStore } from '../../functions/core/store/dynamo-attempt-store';
import type { StackInfo } from './local-stack-setup';

/** A document client and attempt store on the stack's DynamoDB Local. */
export function localStore({ dynamoEndpoint, tableName }: Pick<StackInfo, 'dynamoEndpoint' | 'tableName'>) {
  const client = createDocumentClient({ tableName, endpoint: dynamoEndpoint });
  return {
    client,
    attempts: new DynamoAttemptStore(client, tableName),
    /** Every attempt item in the table (tests use unique attempt ids, so this is a count of writes). */
    async attemptItems(attemptId?: string) {
      const { Items = [] } = await client.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));
      return Items.filter((item) => item.type === 'Attempt' && (!attemptId || item.attemptId === attemptId));
    },
  };
}
