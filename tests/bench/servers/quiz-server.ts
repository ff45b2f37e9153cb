// The quiz function's Hono app on @hono/node-server, as `npm start` serves it; bundled and run by the benchmark.
import { serve } from '@hono/node-server';
import { createQuizApp } from '../../../functions/quiz/app';
import { quizDepsFromEnv } from '../../../functions/quiz/deps-from-env';

serve({ fetch: createQuizApp(quizDepsFromEnv()).fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () => console.log('ready'));
