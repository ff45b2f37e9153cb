import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Counts the items of one type in the table (paginated, strongly consistent); `submitted` counts attempts with a submission. */
export async function countItems(client: DynamoDBDocumentClient, tableName: string, type: string, submitted = false): Promise<number> {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        Select: 'COUNT',
        ConsistentRead: true,
        FilterExpression: submitted ? '#type = :type AND attribute_exists(submission)' : '#type = :type',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':type': type },
        ExclusiveStartKey: startKey,
      }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}
