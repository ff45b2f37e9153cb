import { DomainError, RETRY_AFTER_SECONDS } from '../errors';

/** An account with this email exists already (Cognito usernames are emails). */
export class EmailTaken extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'email-taken';
  readonly title = 'Email already registered';
  constructor(readonly email: string) {
    super(`An account for ${email} already exists.`);
  }
}

/** The identity provider could not be reached or refused for a transient reason. */
export class DirectoryUnavailable extends DomainError {
  readonly kind = 'unavailable';
  readonly code = 'directory-unavailable';
  readonly title = 'Service temporarily unavailable';
  constructor(options?: { cause?: unknown }) {
    super('The account directory is temporarily unavailable. Please retry.', {
      cause: options?.cause,
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    });
  }
}
