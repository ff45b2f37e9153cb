import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../functions/core/store/document-client';
import { DynamoAttemptStore } from '../../functions/core/store/dynamo-attempt-store';

/** A document client and attempt store on the DynamoDB Local instance a global set-up started. */
export function localStore(endpoint: string, tableName: string) {
  const client = createDocumentClient({ tableName, endpoint });
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
