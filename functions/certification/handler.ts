import { handle } from 'hono/aws-lambda';
import { createCertificationApp } from './app';
import { certificationDepsFromEnv } from './deps-from-env';

export const handler = handle(createCertificationApp(certificationDepsFromEnv()));
