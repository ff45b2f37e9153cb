/**
 * The floor: the least a function could be. A bare Hono app with the same AWS SDK clients doing
 * one call and nothing else (no validation, no domain rules, no problem handling): a PutItem for a
 * submission, a GetItem for a verification. Our functions are measured against it in size, cold
 * start, throughput and memory.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

const endpoint = process.env.DYNAMODB_ENDPOINT;
const client = DynamoDBDocumentClient.from(
  new DynamoDBClient({
    region: process.env.AWS_REGION ?? 'us-east-1',
    ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  }),
);

export const app = new Hono()
  .post('/floor/attempts', async (c) => {
    const body = await c.req.json<{ attemptId: string }>();
    await client.send(
      new PutCommand({ TableName: process.env.TABLE_NAME, Item: { pk: `FLOOR#${body.attemptId}`, sk: 'FLOOR', type: 'Floor', body } }),
    );
    return c.json({ stored: true }, 201);
  })
  // The same read verification makes (a certificate by its key, strongly consistent), answered as stored.
  .get('/floor/certificates/:code', async (c) => {
    const { Item } = await client.send(
      new GetCommand({
        TableName: process.env.TABLE_NAME,
        Key: { pk: `CERT#${c.req.param('code')}`, sk: 'CERTIFICATE' },
        ConsistentRead: true,
      }),
    );
    return Item ? c.json(Item) : c.json({ found: false }, 404);
  });

export const handler = handle(app);
