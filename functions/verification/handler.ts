import { handle } from 'hono/aws-lambda';
import { createVerificationApp } from './app';
import { verificationDepsFromEnv } from './deps-from-env';

export const handler = handle(createVerificationApp(verificationDepsFromEnv()));
