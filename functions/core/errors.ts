/**
 * The one error taxonomy. Every failure a caller should hear about is a DomainError with a kind
 * and a stable code. Domain code knows nothing of HTTP: `http/problem-details.ts` maps each kind to
 * a status in one table and turns the error into an RFC 9457 problem. Each domain's errors live
 * beside that domain (quiz/errors.ts, certification/errors.ts, accounts/errors.ts, auth/errors.ts);
 * the ones every domain shares are here.
 */

/** Where in the request a problem lies, as a JSON Pointer (RFC 6901) into the body or a path parameter name. */
export interface ErrorLocation {
  pointer: string;
  message: string;
}

/** What kind of failure: decides the HTTP status (problem-details.ts). */
export type ErrorKind =
  'invalid' | 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'unprocessable' | 'too-soon' | 'unavailable';

export interface DomainErrorDetails {
  cause?: unknown;
  /** One entry per problem in the request (invalid and unprocessable input). */
  errors?: ErrorLocation[];
  /** Extra members of the problem body: `nextAttemptAt`, `unmet`. */
  extensions?: Record<string, unknown>;
  /** How long to wait before trying again (too-soon, unavailable). */
  retryAfterSeconds?: number;
}

export abstract class DomainError extends Error {
  abstract readonly kind: ErrorKind;
  /** Stable problem code: the problem's type is `/problems/<code>`. */
  abstract readonly code: string;
  /** A short, human summary of the kind of problem (the problem's title). */
  abstract readonly title: string;
  readonly errors?: ErrorLocation[];
  readonly extensions?: Record<string, unknown>;
  readonly retryAfterSeconds?: number;

  constructor(message: string, details: DomainErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    if (details.errors) this.errors = details.errors;
    if (details.extensions) this.extensions = details.extensions;
    if (details.retryAfterSeconds !== undefined) this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

/** Seconds a client should wait before retrying after an outage. */
export const RETRY_AFTER_SECONDS = 5;

/** The request does not match its schema; carries one entry per problem, located by JSON Pointer. */
export class InvalidRequest extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'invalid-request';
  readonly title = 'Invalid request';
  constructor(message: string, errors: ErrorLocation[]) {
    super(message, { errors });
  }
}

/** The thing does not exist, or exists but the caller may not know that it does. */
export class NotFound extends DomainError {
  readonly kind = 'not-found';
  readonly code = 'not-found';
  readonly title = 'Not found';
  constructor(readonly what: string) {
    super(`${what} was not found.`);
  }
}

/** The store could not be reached, did not answer in time, or refused for a transient reason; the caller may retry. */
export class StorageUnavailable extends DomainError {
  readonly kind = 'unavailable';
  readonly code = 'storage-unavailable';
  readonly title = 'Service temporarily unavailable';
  constructor(options?: { cause?: unknown }) {
    super('Storage is temporarily unavailable. Please retry.', { cause: options?.cause, retryAfterSeconds: RETRY_AFTER_SECONDS });
  }
}

/** An Idempotency-Key already used for a different request by the same caller. */
export class IdempotencyKeyReused extends DomainError {
  readonly kind = 'unprocessable';
  readonly code = 'idempotency-key-reused';
  readonly title = 'Idempotency-Key reused';
  constructor() {
    super('This Idempotency-Key was already used for a different request; use a new key for a new request.');
  }
}
