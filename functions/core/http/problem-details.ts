import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Problem } from '../api/responses';
import { DomainError, type ErrorKind, type ErrorLocation } from '../errors';
import { allowedMethods } from './method-not-allowed';

export { RETRY_AFTER_SECONDS } from '../errors';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The one table from a kind of failure to its HTTP status. */
export const STATUS_OF: Record<ErrorKind, ContentfulStatusCode> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  unprocessable: 422,
  'too-soon': 429,
  unavailable: 503,
};

/** Problem type URIs are relative references under /problems/ (RFC 9457 §3.1.1). */
export function problemBody(status: number, code: string, title: string, detail: string, errors?: ErrorLocation[]): Problem {
  return { type: `/problems/${code}`, title, status, detail, ...(errors ? { errors } : {}) };
}

function problemResponse(c: Context, problem: Problem, headers: Record<string, string> = {}) {
  return c.body(JSON.stringify(problem), problem.status as ContentfulStatusCode, {
    'content-type': PROBLEM_CONTENT_TYPE,
    'cache-control': 'no-store',
    ...headers,
  });
}

/** What Hono itself refuses before a handler runs (malformed JSON, body limits, media types). */
const HTTP_EXCEPTION_CODES: Record<number, [code: string, title: string]> = {
  400: ['malformed-request', 'Malformed request'],
  413: ['body-too-large', 'Request body too large'],
  415: ['unsupported-media-type', 'Unsupported media type'],
  431: ['headers-too-large', 'Request header fields too large'],
};

function toProblem(error: unknown): { problem: Problem; headers?: Record<string, string> } {
  if (error instanceof DomainError) {
    const status = STATUS_OF[error.kind];
    const headers: Record<string, string> = {
      ...(error.retryAfterSeconds !== undefined ? { 'retry-after': String(error.retryAfterSeconds) } : {}),
      ...(error.kind === 'unauthenticated' ? { 'www-authenticate': 'Bearer' } : {}),
    };
    return { problem: { ...problemBody(status, error.code, error.title, error.message, error.errors), ...error.extensions }, headers };
  }
  if (error instanceof HTTPException && error.status < 500) {
    const [code, title] = Object.hasOwn(HTTP_EXCEPTION_CODES, error.status)
      ? HTTP_EXCEPTION_CODES[error.status]
      : ['bad-request', 'Bad request'];
    return { problem: problemBody(error.status, code, title, error.message || title) };
  }
  return { problem: problemBody(500, 'internal-error', 'Internal error', 'Something went wrong on our side; it has been logged.') };
}

/** The one place that turns thrown errors into RFC 9457 responses. Never leaks a stack trace. */
export const onError: ErrorHandler = (error, c) => {
  const { problem, headers } = toProblem(error);
  if (problem.status >= 500) {
    const what = error instanceof DomainError ? `${error.code}: ${error.message}` : String(error);
    console.error(JSON.stringify({ level: 'error', path: c.req.path, error: what, cause: String((error as Error).cause ?? '') }));
  }
  return problemResponse(c, problem, headers);
};

/** No route matched: a path the API has but not with this method is a 405 with Allow; OPTIONS lists the methods; the rest is a 404. */
export const notFound: NotFoundHandler = (c) => {
  const allow = allowedMethods(c.req.path);
  if (!allow) return problemResponse(c, problemBody(404, 'not-found', 'Not found', `No route for ${c.req.method} ${c.req.path}.`));
  if (c.req.method === 'OPTIONS') return c.body(null, 204, { allow: allow.join(', '), 'cache-control': 'no-store' });
  const detail = `${c.req.path} does not take ${c.req.method}; it takes ${allow.join(', ')}.`;
  return problemResponse(c, problemBody(405, 'method-not-allowed', 'Method not allowed', detail), { allow: allow.join(', ') });
};
