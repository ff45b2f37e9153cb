import { DomainError, type ErrorLocation } from '../errors';

/** The trainee does not meet the certificate's requirements yet; `unmet` says which. */
export class NotEligible extends DomainError {
  readonly kind = 'unprocessable';
  readonly code = 'not-eligible';
  readonly title = 'Not eligible yet';
  constructor(readonly unmet: string[]) {
    super(`Not eligible for a certificate yet. ${unmet.join(' ')}`, { extensions: { unmet } });
  }
}

/** The trainee already holds a certificate: one is issued exactly once. */
export class AlreadyCertified extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'already-certified';
  readonly title = 'Already certified';
  constructor(readonly certificateCode: string) {
    super(`This trainee already holds certificate ${certificateCode}.`);
  }
}

/** The certificate is no longer active (already revoked), so it cannot be revoked again. */
export class CertificateNotActive extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'certificate-not-active';
  readonly title = 'Certificate not active';
  constructor(readonly certificateCode: string) {
    super(`Certificate ${certificateCode} has already been revoked.`);
  }
}

/** The certificate changed (renewed or revoked) between reading and writing it: nothing was written. */
export class CertificateChanged extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'certificate-changed';
  readonly title = 'Certificate changed';
  constructor(readonly certificateCode: string) {
    super(`Certificate ${certificateCode} was renewed or revoked a moment ago; reload to see the current one.`);
  }
}

/** A well-formed observed procedure that breaks a rule of its own (a date in the future, a weak domain without feedback). */
export class InvalidObservedProcedure extends DomainError {
  readonly kind = 'unprocessable';
  readonly code = 'invalid-observed-procedure';
  readonly title = 'Observed procedure cannot be recorded';
  constructor(errors: ErrorLocation[]) {
    super(errors.map((error) => error.message).join(' '), { errors });
  }
}
