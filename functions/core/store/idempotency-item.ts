import { GetCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { IdempotencyClaim } from '../idempotency';
import { StorageUnavailable } from '../errors';
import { tableSchema } from './table-schema';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type ItemKey = { pk: string; sk: string };

const claimKey = (claim: IdempotencyClaim): ItemKey => ({ pk: `IDEMPOTENCY#${claim.scope}`, sk: `KEY#${claim.key}` });

/**
 * The claim as one more item of the transaction that creates the record: refused if the key was
 * claimed before, so the record is created at most once per key. It names the record it made and
 * expires after a day (the table's TTL attribute).
 */
export function claimPut(tableName: string, claim: IdempotencyClaim, made: ItemKey): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...claimKey(claim),
        type: 'IdempotencyClaim',
        fingerprint: claim.fingerprint,
        madePk: made.pk,
        madeSk: made.sk,
        [tableSchema.timeToLiveAttribute]: claim.expiresAtEpochSeconds,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** The claim made before under this key: what it made, and the fingerprint of the request that made it. */
export async function earlierClaim(
  client: DynamoDBDocumentClient,
  tableName: string,
  claim: IdempotencyClaim,
): Promise<{ fingerprint: string; made: ItemKey } | undefined> {
  try {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: claimKey(claim), ConsistentRead: true }));
    return Item ? { fingerprint: String(Item.fingerprint), made: { pk: String(Item.madePk), sk: String(Item.madeSk) } } : undefined;
  } catch (error) {
    throw new StorageUnavailable({ cause: error });
  }
}
