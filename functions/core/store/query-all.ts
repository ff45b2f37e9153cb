import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { StorageUnavailable } from '../errors';

/** Every item a query matches, following pagination. */
export async function queryAll(client: DynamoDBDocumentClient, input: QueryCommandInput): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  try {
    do {
      const page = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  } catch (error) {
    throw new StorageUnavailable({ cause: error });
  }
  return items;
}

/** Query one index partition, or the part of it whose sort key starts with `skPrefix`. */
export const byIndex = (tableName: string, index: 'gsi1' | 'gsi2' | 'gsi3', partition: string, skPrefix?: string): QueryCommandInput => ({
  TableName: tableName,
  IndexName: index,
  KeyConditionExpression: skPrefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
  ExpressionAttributeNames: { '#pk': `${index}pk`, ...(skPrefix ? { '#sk': `${index}sk` } : {}) },
  ExpressionAttributeValues: { ':pk': partition, ...(skPrefix ? { ':prefix': skPrefix } : {}) },
});

/**
 * Query the items of one table partition whose sort key starts with `skPrefix`, strongly
 * consistent: a record read right after a write must include it (a policy check, a certificate
 * decision, a history shown after a change).
 */
export const byPrefix = (
  tableName: string,
  { pk, skPrefix }: { pk: string; skPrefix: string },
  newestFirst = false,
): QueryCommandInput => ({
  TableName: tableName,
  KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
  ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
  ScanIndexForward: !newestFirst,
  ConsistentRead: true,
});
