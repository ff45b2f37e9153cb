/**
 * The floor for a function that also talks to Cognito (the accounts function): the same bare Hono
 * app and DynamoDB PutItem as ./handler.ts, plus the Cognito client it cannot do without.
 */
import { AdminCreateUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const cognito = new CognitoIdentityProviderClient({});

export const app = new Hono().post('/floor/invitations', async (c) => {
  const body = await c.req.json<{ email: string }>();
  await cognito.send(new AdminCreateUserCommand({ UserPoolId: process.env.USER_POOL_ID, Username: body.email }));
  await dynamo.send(new PutCommand({ TableName: process.env.TABLE_NAME, Item: { pk: `FLOOR#${body.email}`, sk: 'FLOOR', body } }));
  return c.json({ stored: true }, 201);
});

export const handler = handle(app);
