import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { awsClientSettings } from '../aws/client-settings';

export interface StoreConfig {
  tableName: string;
  /** Set locally (DynamoDB Local); unset in AWS, where the SDK finds the regional endpoint. */
  endpoint?: string;
  region?: string;
}

/** Reads the table settings the CDK app and the local stack put in the environment. */
export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const tableName = env.TABLE_NAME;
  if (!tableName) throw new Error('TABLE_NAME is not set');
  return { tableName, endpoint: env.DYNAMODB_ENDPOINT || undefined, region: env.AWS_REGION || 'us-east-1' };
}

export function createDocumentClient(config: StoreConfig): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: config.region ?? 'us-east-1',
    // Fail over to a 503 quickly rather than hold a Lambda on a stalled connection.
    ...awsClientSettings(),
    ...(config.endpoint ? { endpoint: config.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
