import { DomainError, RETRY_AFTER_SECONDS } from '../errors';

/** No usable credentials: missing, malformed, expired or forged token. */
export class Unauthenticated extends DomainError {
  readonly kind = 'unauthenticated';
  readonly code = 'unauthenticated';
  readonly title = 'Sign-in required';
}

/** A valid caller without the right to do this. */
export class Forbidden extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'forbidden';
  readonly title = 'Not allowed';
}

/** The identity provider's keys could not be fetched; the caller may retry. */
export class AuthUnavailable extends DomainError {
  readonly kind = 'unavailable';
  readonly code = 'auth-unavailable';
  readonly title = 'Service temporarily unavailable';
  constructor(options?: { cause?: unknown }) {
    super('Sign-in could not be checked right now. Please retry.', { cause: options?.cause, retryAfterSeconds: RETRY_AFTER_SECONDS });
  }
}
