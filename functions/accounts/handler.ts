import { handle } from 'hono/aws-lambda';
import { createAccountsApp } from './app';
import { accountsDepsFromEnv } from './deps-from-env';

export const handler = handle(createAccountsApp(accountsDepsFromEnv()));
