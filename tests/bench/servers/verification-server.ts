// The verification function's Hono app on @hono/node-server, as `npm start` serves it; bundled and run by the benchmark.
import { serve } from '@hono/node-server';
import { createVerificationApp } from '../../../functions/verification/app';
import { verificationDepsFromEnv } from '../../../functions/verification/deps-from-env';

serve({ fetch: createVerificationApp(verificationDepsFromEnv()).fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () =>
  console.log('ready'),
);
