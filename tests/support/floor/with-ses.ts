/**
 * The floor for the expiry reminder function: what a scheduled function that reads DynamoDB and
 * sends email could not do without. No Hono (the reminder function has no HTTP), one Query of an
 * index and one SES SendEmail, and nothing else.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';

const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const ses = new SESv2Client({});

export async function handler() {
  const { Items = [] } = await dynamo.send(
    new QueryCommand({
      TableName: process.env.TABLE_NAME,
      IndexName: 'gsi4',
      KeyConditionExpression: 'gsi4pk = :pk AND gsi4sk < :now',
      ExpressionAttributeValues: { ':pk': 'REMINDERS', ':now': new Date().toISOString() },
    }),
  );
  for (const item of Items)
    await ses.send(
      new SendEmailCommand({
        FromEmailAddress: process.env.FROM,
        Destination: { ToAddresses: [String(item.email)] },
        Content: { Simple: { Subject: { Data: 'Reminder' }, Body: { Text: { Data: 'Reminder' } } } },
      }),
    );
  return { sent: Items.length };
}
