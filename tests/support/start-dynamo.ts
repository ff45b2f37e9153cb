import type { TestProject } from 'vitest/node';
import { ensureTable, startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { freePort } from '../../infra/local/preflight';

/** Starts DynamoDB Local on a free port with the platform table; returns its stop function. */
export async function startTestDynamo(project: TestProject, tableName: string) {
  const db = await startDynamoDbLocal(await freePort());
  await ensureTable(db.client, tableName);
  project.provide('dynamoEndpoint', db.endpoint);
  project.provide('tableName', tableName);
  return db;
}
