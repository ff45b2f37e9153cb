import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Problem } from '../api/schemas';
import type { ErrorLocation } from '../errors';
import {
  AlreadyCertified,
  AttemptClosed,
  AttemptConflict,
  AttemptContention,
  IdempotencyKeyReused,
  AttemptNotAllowed,
  CertificateChanged,
  CertificateNotActive,
  InvalidAnswers,
  InvalidAssessment,
  ModuleNotFound,
  NotEligible,
  StorageUnavailable,
} from '../errors';
import { allowedMethods } from './method-not-allowed';
import { RequestValidationError } from './validate';
import { AuthUnavailable, Forbidden, NotFound, Unauthenticated } from '../auth/errors';
import { DirectoryUnavailable, EmailTaken } from '../accounts/errors';

/** Seconds a client should wait before retrying after a storage outage. */
export const RETRY_AFTER_SECONDS = 5;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

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

const HTTP_EXCEPTION_CODES: Record<number, [code: string, title: string]> = {
  400: ['malformed-request', 'Malformed request'],
  413: ['body-too-large', 'Request body too large'],
  415: ['unsupported-media-type', 'Unsupported media type'],
};

function toProblem(error: unknown): { problem: Problem; headers?: Record<string, string> } {
  if (error instanceof RequestValidationError) {
    return { problem: problemBody(400, 'invalid-request', 'Invalid request', error.message, error.errors) };
  }
  if (error instanceof ModuleNotFound) {
    return {
      problem: problemBody(404, 'module-not-found', 'Module not found', error.message, [
        { pointer: error.pointer, message: error.message },
      ]),
    };
  }
  if (error instanceof InvalidAnswers) {
    return { problem: problemBody(422, 'invalid-answers', 'Answers do not match the quiz', error.message, error.errors) };
  }
  if (error instanceof AttemptNotAllowed) {
    const seconds = Math.max(1, Math.ceil((Date.parse(error.nextAttemptAt) - Date.now()) / 1000));
    return {
      problem: { ...problemBody(429, error.reason === 'cooldown' ? 'attempt-cooldown' : 'attempt-limit', 'Not yet', error.message), nextAttemptAt: error.nextAttemptAt },
      headers: { 'retry-after': String(seconds) },
    };
  }
  if (error instanceof AttemptContention) {
    return { problem: problemBody(429, 'attempt-contention', 'Try again', error.message), headers: { 'retry-after': '1' } };
  }
  if (error instanceof AttemptClosed) {
    return { problem: problemBody(409, `attempt-${error.reason}`, 'Attempt closed', error.message) };
  }
  if (error instanceof AttemptConflict) {
    return { problem: problemBody(409, 'attempt-conflict', 'Attempt already submitted', error.message) };
  }
  if (error instanceof IdempotencyKeyReused) {
    return { problem: problemBody(422, 'idempotency-key-reused', 'Idempotency-Key reused', error.message) };
  }
  if (error instanceof InvalidAssessment) {
    return { problem: problemBody(422, 'invalid-assessment', 'Assessment cannot be recorded', error.message, error.errors) };
  }
  if (error instanceof NotEligible) {
    return { problem: { ...problemBody(422, 'not-eligible', 'Not eligible yet', error.message), unmet: error.unmet } };
  }
  if (error instanceof AlreadyCertified) {
    return { problem: problemBody(409, 'already-certified', 'Already certified', error.message) };
  }
  if (error instanceof CertificateChanged) {
    return { problem: problemBody(409, 'certificate-changed', 'Certificate changed', error.message) };
  }
  if (error instanceof CertificateNotActive) {
    return { problem: problemBody(409, 'certificate-not-active', 'Certificate not active', error.message) };
  }
  if (error instanceof Unauthenticated) {
    return { problem: problemBody(401, 'unauthenticated', 'Sign-in required', error.message), headers: { 'www-authenticate': 'Bearer' } };
  }
  if (error instanceof Forbidden) {
    return { problem: problemBody(403, 'forbidden', 'Not allowed', error.message) };
  }
  if (error instanceof NotFound) {
    return { problem: problemBody(404, 'not-found', 'Not found', error.message) };
  }
  if (error instanceof EmailTaken) {
    return { problem: problemBody(409, 'email-taken', 'Email already registered', error.message) };
  }
  if (error instanceof StorageUnavailable || error instanceof AuthUnavailable || error instanceof DirectoryUnavailable) {
    const code = error instanceof StorageUnavailable ? 'storage-unavailable' : error instanceof AuthUnavailable ? 'auth-unavailable' : 'directory-unavailable';
    return {
      problem: problemBody(503, code, 'Service temporarily unavailable', `${error.message} Please retry.`),
      headers: { 'retry-after': String(RETRY_AFTER_SECONDS) },
    };
  }
  if (error instanceof HTTPException && error.status < 500) {
    const [code, title] = HTTP_EXCEPTION_CODES[error.status] ?? ['bad-request', 'Bad request'];
    return { problem: problemBody(error.status, code, title, error.message || title) };
  }
  return { problem: problemBody(500, 'internal-error', 'Internal error', 'Something went wrong on our side; it has been logged.') };
}

/** The one place that turns thrown errors into RFC 9457 responses. Never leaks a stack trace. */
export const onError: ErrorHandler = (error, c) => {
  const { problem, headers } = toProblem(error);
  if (problem.status >= 500) console.error(JSON.stringify({ level: 'error', path: c.req.path, error: String(error), cause: String((error as Error).cause ?? '') }));
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
