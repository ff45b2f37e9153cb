/**
 * Named domain errors. They carry no HTTP status: `http/problem-details.ts` decides how each
 * one is shown to a client, so domain code stays free of HTTP.
 */

/** Where in the request a problem lies, as a JSON Pointer (RFC 6901) into the body or a path parameter name. */
export interface ErrorLocation {
  pointer: string;
  message: string;
}

export class ModuleNotFound extends Error {
  readonly name = 'ModuleNotFound';
  constructor(
    readonly moduleId: string,
    readonly pointer = '/moduleId',
  ) {
    super(`There is no module with id "${moduleId}".`);
  }
}

/** The answers refer to questions or options that the module does not have, or break a question's rules. */
export class InvalidAnswers extends Error {
  readonly name = 'InvalidAnswers';
  constructor(readonly errors: ErrorLocation[]) {
    super(errors.map((error) => error.message).join(' '));
  }
}

/** The attempt was already submitted with different answers. */
export class AttemptConflict extends Error {
  readonly name = 'AttemptConflict';
  constructor(readonly attemptId: string) {
    super(`Attempt ${attemptId} was already submitted with different answers; start a new attempt to answer again.`);
  }
}

/** The attempt can no longer be submitted: its time ran out, or the course content changed since it was issued. */
export class AttemptClosed extends Error {
  readonly name = 'AttemptClosed';
  constructor(
    readonly attemptId: string,
    readonly reason: 'expired' | 'content-changed',
  ) {
    super(
      reason === 'expired'
        ? `Attempt ${attemptId} expired before it was submitted; start a new attempt.`
        : `The module changed since attempt ${attemptId} was issued; start a new attempt.`,
    );
  }
}

/** The attempt policy does not allow a new attempt yet. */
export class AttemptNotAllowed extends Error {
  readonly name = 'AttemptNotAllowed';
  constructor(
    readonly reason: 'cooldown' | 'daily-limit',
    readonly nextAttemptAt: string,
  ) {
    super(
      reason === 'cooldown'
        ? `After a failed attempt, take time to review the lesson: the next attempt can start at ${nextAttemptAt}.`
        : `You have used today's attempts for this module: the next one can start at ${nextAttemptAt}.`,
    );
  }
}

/** Other requests kept changing the trainee's attempt ledger while this one tried to start an attempt; retry shortly. */
export class AttemptContention extends Error {
  readonly name = 'AttemptContention';
  constructor() {
    super('Another request is starting this attempt at the same moment; try again in a second.');
  }
}

/** An Idempotency-Key already used for a different request by the same caller. */
export class IdempotencyKeyReused extends Error {
  readonly name = 'IdempotencyKeyReused';
  constructor() {
    super('This Idempotency-Key was already used for a different request; use a new key for a new request.');
  }
}

/** The store could not be reached or refused the request for a transient reason; the caller may retry. */
export class StorageUnavailable extends Error {
  readonly name = 'StorageUnavailable';
  constructor(options?: { cause?: unknown }) {
    super('Storage is temporarily unavailable.', options);
  }
}

/** The trainee does not meet the certificate's requirements yet; `unmet` says which. */
export class NotEligible extends Error {
  readonly name = 'NotEligible';
  constructor(readonly unmet: string[]) {
    super(`Not eligible for a certificate yet. ${unmet.join(' ')}`);
  }
}

/** The trainee already holds a certificate: one is issued exactly once. */
export class AlreadyCertified extends Error {
  readonly name = 'AlreadyCertified';
  constructor(readonly code: string) {
    super(`This trainee already holds certificate ${code}.`);
  }
}

/** The certificate is no longer active (already revoked), so it cannot be revoked again. */
export class CertificateNotActive extends Error {
  readonly name = 'CertificateNotActive';
  constructor(readonly code: string) {
    super(`Certificate ${code} has already been revoked.`);
  }
}

/** The certificate changed (renewed or revoked) between reading and writing it: nothing was written. */
export class CertificateChanged extends Error {
  readonly name = 'CertificateChanged';
  constructor(readonly code: string) {
    super(`Certificate ${code} was renewed or revoked a moment ago; reload to see the current one.`);
  }
}

/** A well-formed assessment that breaks a rule of its own (a date in the future, a weak domain without feedback). */
export class InvalidAssessment extends Error {
  readonly name = 'InvalidAssessment';
  constructor(readonly errors: ErrorLocation[]) {
    super(errors.map((error) => error.message).join(' '));
  }
}
