import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The one definition of the platform table's keys and indexes. The CDK data construct, the
 * local stack and the tests all build the table from this; the storage adapters use its names.
 * Single-table design: every item has a `pk`/`sk`. `gsi1` lists by owner (an organisation's
 * people, all organisations); `gsi2` lists a supervisor's trainees; `gsi3` finds an attempt by
 * its id alone. gsi3 holds keys only, so recording a submission (which changes no key) writes
 * the table item and no index: one write unit. `gsi4` is the sparse reminder index: only items
 * with a reminder to send (an active certificate's next tier, a delivery being sent or retried)
 * carry its keys, sorted by when they are due, so the reminder job queries what is due and
 * reads nothing else; keys only, since the job reads each item strongly consistent anyway.
 */
export const tableSchema = {
  partitionKey: 'pk',
  sortKey: 'sk',
  globalSecondaryIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'ALL' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: 'ALL' },
    { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk', projection: 'KEYS_ONLY' },
    { indexName: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk', projection: 'KEYS_ONLY' },
  ],
  // Its own name, so no domain field (an attempt's `expiresAt` deadline, say) is mistaken for it:
  // DynamoDB deletes an item once this number of epoch seconds has passed.
  timeToLiveAttribute: 'deleteAfterEpochSeconds',
} as const;

/** The same table for DynamoDB Local (on-demand, string keys, the same projections). */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const keyNames = [
    tableSchema.partitionKey,
    tableSchema.sortKey,
    ...tableSchema.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyNames.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: tableSchema.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableSchema.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: tableSchema.globalSecondaryIndexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: index.projection },
    })),
  };
}
