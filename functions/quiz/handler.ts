import { handle } from 'hono/aws-lambda';
import { createQuizApp } from './app';
import { quizDepsFromEnv } from './deps-from-env';

export const handler = handle(createQuizApp(quizDepsFromEnv()));
