import { DomainError, type ErrorLocation } from '../errors';

export class ModuleNotFound extends DomainError {
  readonly kind = 'not-found';
  readonly code = 'module-not-found';
  readonly title = 'Module not found';
  constructor(
    readonly moduleId: string,
    pointer = '/moduleId',
  ) {
    const message = `There is no module with id "${moduleId}".`;
    super(message, { errors: [{ pointer, message }] });
  }
}

/** The answers refer to questions or options that the module does not have, or break a question's rules. */
export class InvalidAnswers extends DomainError {
  readonly kind = 'unprocessable';
  readonly code = 'invalid-answers';
  readonly title = 'Answers do not match the quiz';
  constructor(errors: ErrorLocation[]) {
    super(errors.map((error) => error.message).join(' '), { errors });
  }
}

/** The attempt was already submitted with different answers. */
export class AttemptConflict extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'attempt-conflict';
  readonly title = 'Attempt already submitted';
  constructor(readonly attemptId: string) {
    super(`Attempt ${attemptId} was already submitted with different answers; start a new attempt to answer again.`);
  }
}

/** The attempt can no longer be submitted: its time ran out, or the course content changed since it was issued. */
export class AttemptClosed extends DomainError {
  readonly kind = 'conflict';
  readonly title = 'Attempt closed';
  readonly code: 'attempt-expired' | 'attempt-content-changed';
  constructor(
    readonly attemptId: string,
    readonly reason: 'expired' | 'content-changed',
  ) {
    super(
      reason === 'expired'
        ? `Attempt ${attemptId} expired before it was submitted; start a new attempt.`
        : `The module changed since attempt ${attemptId} was issued; start a new attempt.`,
    );
    this.code = `attempt-${reason}`;
  }
}

/** The attempt policy does not allow a new attempt yet. */
export class AttemptNotAllowed extends DomainError {
  readonly kind = 'too-soon';
  readonly title = 'Not yet';
  readonly code: 'attempt-cooldown' | 'attempt-limit';
  constructor(
    readonly reason: 'cooldown' | 'daily-limit',
    readonly nextAttemptAt: string,
    now: Date,
  ) {
    super(
      // The time is in `nextAttemptAt` and Retry-After, for each reader to show in their own time zone.
      reason === 'cooldown'
        ? 'After a failed attempt, take time to review the lesson before the next one.'
        : "You have used today's attempts for this module.",
      { extensions: { nextAttemptAt }, retryAfterSeconds: Math.max(1, Math.ceil((Date.parse(nextAttemptAt) - now.getTime()) / 1000)) },
    );
    this.code = reason === 'cooldown' ? 'attempt-cooldown' : 'attempt-limit';
  }
}

/** Other requests kept changing the trainee's attempt ledger while this one tried to start an attempt; retry shortly. */
export class AttemptContention extends DomainError {
  readonly kind = 'too-soon';
  readonly code = 'attempt-contention';
  readonly title = 'Try again';
  constructor() {
    super('Another request is starting this attempt at the same moment; try again in a second.', { retryAfterSeconds: 1 });
  }
}
