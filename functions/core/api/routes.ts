import type * as z from 'zod/mini';
import {
  attemptResultSchema,
  moduleIdParamsSchema,
  problemSchema,
  quizSchema,
  submitAttemptSchema,
} from './schemas';

/**
 * The API contract in one place: every route, which Lambda serves it, who may call it, and its
 * schemas. The OpenAPI document and the HTTP API routes in CDK are both generated from this list.
 */
export type FunctionName = 'quiz';

export interface RouteSpec {
  operationId: string;
  method: 'get' | 'post';
  /** OpenAPI / API Gateway style: `/api/modules/{moduleId}/questions`. */
  path: string;
  function: FunctionName;
  access: 'public';
  summary: string;
  params?: z.ZodMiniType;
  body?: z.ZodMiniType;
  responses: Record<number, { description: string; schema?: z.ZodMiniType }>;
}

const problems = {
  400: { description: 'Malformed or invalid request', schema: problemSchema },
  404: { description: 'No such module', schema: problemSchema },
  503: { description: 'Storage unavailable; retry after the Retry-After header', schema: problemSchema },
};

export const routes: RouteSpec[] = [
  {
    operationId: 'getOpenApiDocument',
    method: 'get',
    path: '/api/openapi.json',
    function: 'quiz',
    access: 'public',
    summary: 'This OpenAPI 3.1 document',
    responses: { 200: { description: 'The document' } },
  },
  {
    operationId: 'getQuiz',
    method: 'get',
    path: '/api/modules/{moduleId}/questions',
    function: 'quiz',
    access: 'public',
    summary: "A module's quiz questions, without answers or explanations",
    params: moduleIdParamsSchema,
    responses: { 200: { description: 'The quiz', schema: quizSchema }, 400: problems[400], 404: problems[404] },
  },
  {
    operationId: 'submitAttempt',
    method: 'post',
    path: '/api/attempts',
    function: 'quiz',
    access: 'public',
    summary: 'Submit answers; returns the score, pass/fail and per-question feedback. Idempotent per attemptId.',
    body: submitAttemptSchema,
    responses: {
      200: { description: 'This attempt id was already submitted with the same answers: the stored result', schema: attemptResultSchema },
      201: { description: 'Scored and stored', schema: attemptResultSchema },
      400: problems[400],
      404: problems[404],
      409: { description: 'The attempt id was already used for different answers', schema: problemSchema },
      413: { description: 'Request body too large', schema: problemSchema },
      415: { description: 'Body is not application/json', schema: problemSchema },
      422: { description: 'Answers name questions or options the quiz does not have', schema: problemSchema },
      503: problems[503],
    },
  },
];

/** `/api/modules/{moduleId}` → `/api/modules/:moduleId` for Hono. */
export const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

export function route(operationId: string): RouteSpec {
  const found = routes.find((spec) => spec.operationId === operationId);
  if (!found) throw new Error(`No route ${operationId} in the contract`);
  return found;
}
